package org.tokenometry.udfs.text;

/**
 * Converts between code-point offsets (what question files store: Python string indices) and the UTF-16
 * indices Java strings use. Costs nothing for text without surrogate pairs, where both are equal.
 */
public final class CodePointOffsets {
  private final String text;
  private final int codePoints;
  private final int[] utf16Of; // null when the text has no surrogate pairs

  private CodePointOffsets(String text, int codePoints, int[] utf16Of) {
    this.text = text;
    this.codePoints = codePoints;
    this.utf16Of = utf16Of;
  }

  public static CodePointOffsets of(String text) {
    int cps = text.codePointCount(0, text.length());
    if (cps == text.length()) {
      return new CodePointOffsets(text, cps, null);
    }
    int[] map = new int[cps + 1];
    int i = 0;
    int cp = 0;
    while (i < text.length()) {
      map[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    map[cp] = text.length();
    return new CodePointOffsets(text, cps, map);
  }

  /** Length of the text in code points (Python's len). */
  public int length() {
    return codePoints;
  }

  public int toUtf16(int codePointOffset) {
    if (codePointOffset < 0 || codePointOffset > codePoints) {
      throw new IndexOutOfBoundsException("code point offset " + codePointOffset + " outside 0.." + codePoints);
    }
    return utf16Of == null ? codePointOffset : utf16Of[codePointOffset];
  }

  public int toCodePoint(int utf16Offset) {
    return utf16Of == null ? utf16Offset : text.codePointCount(0, utf16Offset);
  }

  /** Python's {@code text[start:end]} for in-range code-point offsets. */
  public String slice(int start, int end) {
    return text.substring(toUtf16(start), toUtf16(end));
  }
}
