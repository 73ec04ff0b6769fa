package org.tokenometry.udfs.ingest;

/**
 * Repairs that keep a record usable: a leading byte-order mark and C0 control characters other than tab,
 * newline and carriage return (NUL bytes in extracted PDFs, form feeds, escape codes) are removed. Every
 * removed character is counted, so the manifest shows how much was touched.
 */
public final class TextRepair {
  /** The repaired text and how many characters were removed. */
  public record Result(String text, int removed) {}

  private TextRepair() {}

  public static Result repair(String s) {
    int start = !s.isEmpty() && s.charAt(0) == '\uFEFF' ? 1 : 0;
    int firstBad = -1;
    for (int i = start; i < s.length(); i++) {
      if (isRemovable(s.charAt(i))) {
        firstBad = i;
        break;
      }
    }
    if (firstBad < 0) {
      return start == 0 ? new Result(s, 0) : new Result(s.substring(1), 1);
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, start, firstBad);
    int removed = start;
    for (int i = firstBad; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isRemovable(c)) {
        removed++;
      } else {
        b.append(c);
      }
    }
    return new Result(b.toString(), removed);
  }

  static boolean isRemovable(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
}
