package org.tokenometry.udfs.qa;

import org.tokenometry.udfs.text.CodePointOffsets;
/** Checks a stored reference against the document it points into. */
public final class ReferenceVerifier {
  private ReferenceVerifier() {}

  /**
   * @param text the document text
   * @param offsets code-point offsets of {@code text} (pass the same instance for many references)
   * @param start code-point start (Python index), {@code end} exclusive
   */
  public static ReferenceStatus check(String text, CodePointOffsets offsets, String content, int start, int end) {
    if (start < 0 || end > offsets.length() || start > end) {
      return start > end && start >= 0 && end <= offsets.length()
          ? ReferenceStatus.EMPTY_REFERENCE : ReferenceStatus.OUT_OF_RANGE;
    }
    if (start == end || content == null || content.isBlank()) {
      return ReferenceStatus.EMPTY_REFERENCE;
    }
    String actual = offsets.slice(start, end);
    return ChromaText.sameExcerpt(content, actual) ? ReferenceStatus.VERIFIED : ReferenceStatus.OFFSET_MISMATCH;
  }

  public static ReferenceStatus check(String text, String content, int start, int end) {
    return check(text, CodePointOffsets.of(text), content, start, end);
  }
}
