package org.tokenometry.udfs.ingest;

/**
 * Repairs that keep a record usable: a leading byte-order mark is removed, and C0 control characters other
 * than tab, newline and carriage return (NUL bytes in extracted PDFs, form feeds, escape codes) become spaces.
 * Replacing instead of deleting keeps every later character at its offset (in chars, code points and UTF-8
 * bytes alike), so question sets whose reference offsets were computed on the raw file still point at the same
 * text: SEC 10-K {@code broadcom.txt} has 4,911 NULs (where the PDF had a "ti" ligature), and 126 of 127 first
 * references into it start after the first one. Every repaired character is counted, so the manifest shows
 * how much was touched.
 */
public final class TextRepair {
  /** The repaired text and how many characters were repaired (removed or replaced). */
  public record Result(String text, int repaired) {}

  private TextRepair() {}

  public static Result repair(String s) {
    int start = !s.isEmpty() && s.charAt(0) == '\uFEFF' ? 1 : 0;
    String body = start == 0 ? s : s.substring(1);
    int replaced = 0;
    for (int i = 0; i < body.length(); i++) {
      replaced += isControl(body.charAt(i)) ? 1 : 0;
    }
    return new Result(replaced == 0 ? body : replaceControls(body), start + replaced);
  }

  /**
   * {@code s} with each repairable control character replaced by a space: the same length, and {@code s}
   * itself when there is none. Reference excerpts of imported question sets go through this too, so an
   * excerpt copied from the raw file (NULs and all) matches the repaired document.
   */
  public static String replaceControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        char[] out = s.toCharArray();
        for (int j = i; j < out.length; j++) {
          if (isControl(out[j])) {
            out[j] = ' ';
          }
        }
        return new String(out);
      }
    }
    return s;
  }

  static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
}
