package org.tokenometry.udfs.qa;

import java.util.List;

/** A question's status from its references' verdicts, plus the optional window-span check. */
public final class QuestionVerdict {
  private QuestionVerdict() {}

  /** "verified" when every reference is, else the code of the first failing reference. */
  public static ReferenceStatus of(List<ReferenceStatus> refs) {
    if (refs.isEmpty()) {
      return ReferenceStatus.MALFORMED_ROW;
    }
    for (ReferenceStatus s : refs) {
      if (s != ReferenceStatus.VERIFIED) {
        return s;
      }
    }
    return ReferenceStatus.VERIFIED;
  }

  /**
   * True when all references fit in one window of {@code maxSpan} code points. Generators that show the model
   * a window of the document can only quote from it; references spread wider were shifted (the published
   * approximate-excerpt generator adds each reference's start to the next one's), even when their content
   * matches the offsets because it was re-sliced there.
   */
  public static boolean fitsWindow(List<ChromaQuestionFile.Excerpt> refs, int maxSpan) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (ChromaQuestionFile.Excerpt e : refs) {
      lo = Math.min(lo, e.start());
      hi = Math.max(hi, e.end());
    }
    return refs.isEmpty() || hi - lo <= maxSpan;
  }
}
