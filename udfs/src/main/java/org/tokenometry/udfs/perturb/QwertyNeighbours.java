package org.tokenometry.udfs.perturb;

import java.util.Arrays;

/**
 * Keys next to each other on a US QWERTY keyboard, derived from its geometry instead of listed by hand: rows
 * {@code 1234567890}, {@code qwertyuiop}, {@code asdfghjkl}, {@code zxcvbnm}, staggered by 0, 1/2, 3/4 and 5/4
 * of a key. Two keys are neighbours when they are adjacent in one row, or in adjacent rows with centres less
 * than one key apart horizontally ({@code e}: {@code 3 4 d r s w}, as TokSuite's hand list has it).
 */
public final class QwertyNeighbours {
  private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final int[] OFFSET_QUARTERS = {0, 2, 3, 5};
  private static final char[][] NEIGHBOURS = build();

  private QwertyNeighbours() {}

  /** The neighbours of a lower-case letter or digit in ascending char order, or null for other characters. */
  public static char[] of(char key) {
    return key < NEIGHBOURS.length ? NEIGHBOURS[key] : null;
  }

  private static char[][] build() {
    char[][] out = new char[128][];
    for (int r = 0; r < ROWS.length; r++) {
      for (int c = 0; c < ROWS[r].length(); c++) {
        StringBuilder n = new StringBuilder();
        for (int r2 = Math.max(0, r - 1); r2 <= Math.min(ROWS.length - 1, r + 1); r2++) {
          for (int c2 = 0; c2 < ROWS[r2].length(); c2++) {
            int dx = Math.abs(4 * c + OFFSET_QUARTERS[r] - (4 * c2 + OFFSET_QUARTERS[r2]));
            if (r2 == r ? Math.abs(c - c2) == 1 : dx < 4) {
              n.append(ROWS[r2].charAt(c2));
            }
          }
        }
        char[] keys = n.toString().toCharArray();
        Arrays.sort(keys);
        out[ROWS[r].charAt(c)] = keys;
      }
    }
    return out;
  }
}
