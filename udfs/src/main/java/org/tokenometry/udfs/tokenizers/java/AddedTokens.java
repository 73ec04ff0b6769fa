package org.tokenometry.udfs.tokenizers.java;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Added tokens (special or not) are cut out of the input before normalization, as the Hugging Face engine
 * does even when no special tokens are added: leftmost match first, longest among those starting there.
 */
final class AddedTokens {
  private final String[][] byFirstChar; // candidates per first UTF-16 unit, longest first
  private final int[][] idsByFirstChar;
  private final boolean[] firstChar = new boolean[65536];

  record Token(String content, int id) {}

  AddedTokens(List<Token> tokens) {
    List<List<Token>> buckets = new ArrayList<>();
    for (int i = 0; i < 65536; i++) {
      buckets.add(null);
    }
    for (Token t : tokens) {
      if (t.content().isEmpty()) {
        continue;
      }
      char c = t.content().charAt(0);
      if (buckets.get(c) == null) {
        buckets.set(c, new ArrayList<>());
      }
      buckets.get(c).add(t);
      firstChar[c] = true;
    }
    byFirstChar = new String[65536][];
    idsByFirstChar = new int[65536][];
    for (int c = 0; c < 65536; c++) {
      List<Token> b = buckets.get(c);
      if (b != null) {
        b.sort(Comparator.comparingInt((Token t) -> t.content().length()).reversed());
        byFirstChar[c] = b.stream().map(Token::content).toArray(String[]::new);
        idsByFirstChar[c] = b.stream().mapToInt(Token::id).toArray();
      }
    }
  }

  boolean isEmpty() {
    for (boolean b : firstChar) {
      if (b) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds the first added token at or after {@code from}; returns its start (or {@code text.length()} when
   * there is none) and stores its end and id in {@code found[0..1]}.
   */
  int find(String text, int from, int[] found) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (!firstChar[c]) {
        continue;
      }
      String[] cands = byFirstChar[c];
      for (int k = 0; k < cands.length; k++) {
        String s = cands[k];
        if (text.startsWith(s, i)) {
          found[0] = i + s.length();
          found[1] = idsByFirstChar[c][k];
          return i;
        }
      }
    }
    return n;
  }
}
