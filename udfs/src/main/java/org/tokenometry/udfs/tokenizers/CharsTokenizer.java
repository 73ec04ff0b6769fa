package org.tokenometry.udfs.tokenizers;

/** Baseline: one token per Unicode code point, id = the code point (vocabulary = the 1,114,112 code points). */
public final class CharsTokenizer implements Tokenizer {
  public static final String NAME = "chars";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String type() {
    return "baseline";
  }

  @Override
  public int vocabSize() {
    return Character.MAX_CODE_POINT + 1;
  }

  @Override
  public String tokenString(int id) {
    return id >= 0 && id <= Character.MAX_CODE_POINT ? new String(Character.toChars(id)) : null;
  }

  @Override
  public int unkId() {
    return -1;
  }

  @Override
  public int count(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The code points of the ids; ids that are not code points are skipped. */
  @Override
  public String decode(int[] ids) {
    StringBuilder out = new StringBuilder(ids.length);
    for (int id : ids) {
      if (id >= 0 && id <= Character.MAX_CODE_POINT) {
        out.appendCodePoint(id);
      }
    }
    return out.toString();
  }

  @Override
  public String normalForm(String text) {
    return text;
  }

  @Override
  public Encoding encode(String text) {
    return encode(text, 0, text.length());
  }

  /** Any cut between two code points is exact. */
  @Override
  public boolean canCutBefore(String text, int at) {
    return !Character.isLowSurrogate(text.charAt(at)) || !Character.isHighSurrogate(text.charAt(at - 1));
  }

  @Override
  public Encoding encode(String text, int from, int to) {
    int n = text.codePointCount(from, to);
    int[] ids = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    int t = 0;
    for (int i = from; i < to; t++) {
      int cp = text.codePointAt(i);
      ids[t] = cp;
      starts[t] = i;
      i += Character.charCount(cp);
      ends[t] = i;
    }
    return new Encoding(ids, starts, ends, new byte[n]);
  }
}
