package org.tokenometry.udfs.tokenizers;

/** Converts code-point offsets (what DJL and Python report) to UTF-16 indices, cheaply for BMP-only text. */
final class CodePointIndex {
  private final int[] utf16Of; // null when the text has no surrogate pairs: offsets are equal

  private CodePointIndex(int[] utf16Of) {
    this.utf16Of = utf16Of;
  }

  static CodePointIndex of(String text) {
    int cps = text.codePointCount(0, text.length());
    if (cps == text.length()) {
      return new CodePointIndex(null);
    }
    int[] map = new int[cps + 1];
    int i = 0;
    int cp = 0;
    while (i < text.length()) {
      map[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    map[cp] = text.length();
    return new CodePointIndex(map);
  }

  int toUtf16(int codePointOffset) {
    return utf16Of == null ? codePointOffset : utf16Of[codePointOffset];
  }
}
