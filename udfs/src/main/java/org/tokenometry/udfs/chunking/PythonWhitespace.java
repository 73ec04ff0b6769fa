package org.tokenometry.udfs.chunking;

/**
 * Python's {@code str.isspace} / {@code str.strip()} character set, which LangChain's splitters (and Chroma's
 * copies) use to strip chunks. It differs from Java's: it includes NO-BREAK SPACE and U+202F, and the
 * separators U+001C..U+001F.
 */
final class PythonWhitespace {
  private PythonWhitespace() {}

  static boolean isSpace(int cp) {
    switch (cp) {
      case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
          0x202F, 0x205F, 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
  }

  /** {@code text[start:end].strip()} as a span, or null when nothing but whitespace is left. */
  static Span strip(String text, int start, int end) {
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return start < end ? new Span(start, end) : null;
  }
}
