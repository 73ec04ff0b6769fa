package org.tokenometry.udfs.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * Bytes written as text a person can read in a table cell: well-formed UTF-8 as its characters; a byte outside
 * any well-formed sequence as {@code \xNN}; a backslash as {@code \\}; and every character that is invisible or
 * moves the cursor as <code>&#92;uXXXX</code> (one escape per UTF-16 unit): controls (Cc), format characters (Cf),
 * private use (Co), surrogates (Cs), unassigned code points (Cn), line and paragraph separators (Zl, Zp),
 * spaces other than U+0020 (Zs), and default-ignorable code points (variation selectors, ZWJ, ...).
 */
public final class VisibleText {
  private VisibleText() {}

  public static String of(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 8);
    int i = 0;
    while (i < bytes.length) {
      int n = sequenceLength(bytes, i);
      if (n == 0) {
        out.append(String.format("\\x%02X", bytes[i] & 0xFF));
        i++;
        continue;
      }
      String s = Utf8Lossy.decode(java.util.Arrays.copyOfRange(bytes, i, i + n));
      appendVisible(s.codePointAt(0), out);
      i += n;
    }
    return out.toString();
  }

  /** The text with invisible characters and backslashes escaped as in {@link #of(byte[])}. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      appendVisible(cp, out);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static void appendVisible(int cp, StringBuilder out) {
    if (cp == '\\') {
      out.append("\\\\");
    } else if (invisible(cp)) {
      for (char c : Character.toChars(cp)) {
        out.append(String.format("\\u%04X", (int) c));
      }
    } else {
      out.appendCodePoint(cp);
    }
  }

  static boolean invisible(int cp) {
    int type = UCharacter.getType(cp);
    return type == UCharacterCategory.CONTROL || type == UCharacterCategory.FORMAT
        || type == UCharacterCategory.PRIVATE_USE || type == UCharacterCategory.SURROGATE
        || type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.LINE_SEPARATOR
        || type == UCharacterCategory.PARAGRAPH_SEPARATOR || (type == UCharacterCategory.SPACE_SEPARATOR && cp != ' ')
        || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
  }

  /** Length of the well-formed UTF-8 sequence starting at bytes[i], or 0 when none starts there. */
  private static int sequenceLength(byte[] bytes, int i) {
    for (int n = 1; n <= 4 && i + n <= bytes.length; n++) {
      if (Utf8Lossy.decodeStrict(java.util.Arrays.copyOfRange(bytes, i, i + n), n) != null) {
        return n;
      }
    }
    return 0;
  }
}
