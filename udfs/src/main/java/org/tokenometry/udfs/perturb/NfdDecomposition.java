package org.tokenometry.udfs.perturb;

import com.ibm.icu.text.Normalizer2;

/**
 * {@code nfd}: the text in Unicode Normalization Form D ({@code é} becomes {@code e} + U+0301). Normalised one
 * canonical segment at a time (a starter and the marks after it); where the segment's NFD is the concatenation
 * of its code points' NFDs, each code point maps back to itself, otherwise (marks reordered) the whole segment
 * maps back to the whole original segment.
 */
public final class NfdDecomposition implements Perturbation {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "nfd";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PerturbedText apply(String text, int[] wordSpans, SplitMix64 random) {
    Normalizer2 nfd = Normalizer2.getNFDInstance();
    PerturbedText.Builder b = new PerturbedText.Builder(NAME, text);
    int segStart = 0;
    for (int i = 0; i <= text.length(); ) {
      int cp = i < text.length() ? text.codePointAt(i) : -1;
      if (i > segStart && (cp < 0 || nfd.hasBoundaryBefore(cp))) {
        decompose(nfd, text, segStart, i, b);
        segStart = i;
      }
      i += cp < 0 ? 1 : Character.charCount(cp);
    }
    return b.build();
  }

  private static void decompose(Normalizer2 nfd, String text, int s, int e, PerturbedText.Builder b) {
    String segment = text.substring(s, e);
    if (nfd.isNormalized(segment)) {
      return;
    }
    String whole = nfd.normalize(segment);
    StringBuilder each = new StringBuilder();
    for (int i = s; i < e; i += Character.charCount(text.codePointAt(i))) {
      each.append(nfd.normalize(text.substring(i, i + Character.charCount(text.codePointAt(i)))));
    }
    if (!each.toString().equals(whole)) {
      b.copyTo(s).replaceTo(e, whole);
      return;
    }
    for (int i = s; i < e; ) {
      int next = i + Character.charCount(text.codePointAt(i));
      String d = nfd.normalize(text.substring(i, next));
      if (!d.equals(text.substring(i, next))) {
        b.copyTo(i).replaceTo(next, d);
      }
      i = next;
    }
  }
}
