package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Whether a tokenizer gives its input back, for one group of documents (tokenizer x corpus x lang), mergeable.
 * Per document x, with dec = decode(encode(x)) and nf = the tokenizer's {@linkplain Tokenizer#normalForm normal
 * form} of x (what a lossless vocabulary would give back after the tokenizer's normalizer and pre-tokenizer):
 * <ul>
 *   <li>{@code exact_rate}: documents with dec = x / documents decoded;
 *   <li>{@code normalized_rate}: documents with dec = x or dec = nf / documents with a normal form (nf is only
 *       computed where dec differs from x);
 *   <li>{@code cer}: over the documents where dec differs from x and from nf, Σ Levenshtein(nf, dec) / Σ code
 *       points of nf, in code points; a document whose distance exceeds {@link #CER_WORK_LIMIT} / (n + m) (n, m:
 *       the code points of nf and dec left after their common prefix and suffix) is left out of both sums and
 *       counted in {@code cer_skipped_docs};
 *   <li>{@code whitespace_fidelity}: Σ whitespace runs of x that dec keeps / Σ whitespace runs of x
 *       ({@link WhitespaceRuns});
 *   <li>{@code unk_char_rate}: code points of x inside the union of the unknown tokens' intervals / code points.
 * </ul>
 * Ratios are null when their denominator is zero (e.g. no decoder: the {@code words} baseline).
 */
public final class RoundTripStats implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Bounds the edit-distance work per document: about this many code point comparisons at worst. */
  public static final long CER_WORK_LIMIT = 1L << 30;

  private long docs;
  private long chars;
  private long unkChars;
  private long decodedDocs;
  private long exactDocs;
  private long normalFormDocs;
  private long normalizedDocs;
  private long cerDocs;
  private long cerSkippedDocs;
  private long cerEdits;
  private long cerChars;
  private long whitespaceRuns;
  private long whitespaceRunsKept;

  /** One document: its text (and counts), its encoding by {@code tokenizer}, and the tokenizer. */
  public RoundTripStats add(DocumentText doc, Encoding enc, Tokenizer tokenizer) {
    String x = doc.text();
    docs++;
    chars += doc.chars();
    unkChars += unknownChars(x, enc);
    Boolean quick = tokenizer.decodesTo(enc.ids(), x);
    String dec = Boolean.TRUE.equals(quick) ? x : tokenizer.decode(enc.ids());
    if (dec == null) {
      return this;
    }
    decodedDocs++;
    long runs = WhitespaceRuns.count(x);
    whitespaceRuns += runs;
    boolean exact = quick != null ? quick : dec.equals(x);
    if (exact) {
      exactDocs++;
      whitespaceRunsKept += runs;
      if (hasNormalForm(tokenizer)) {
        normalFormDocs++;
        normalizedDocs++;
      }
      return this;
    }
    whitespaceRunsKept += WhitespaceRuns.kept(x, dec);
    String nf = tokenizer.normalForm(x);
    if (nf == null) {
      return this;
    }
    normalFormDocs++;
    if (dec.equals(nf)) {
      normalizedDocs++;
      return this;
    }
    cerDocs++;
    int[] want = nf.codePoints().toArray();
    long d = EditDistance.between(want, dec.codePoints().toArray(), CER_WORK_LIMIT);
    if (d == EditDistance.TOO_FAR) {
      cerSkippedDocs++;
    } else {
      cerEdits += d;
      cerChars += want.length;
    }
    return this;
  }

  private transient Boolean normalForms;

  /** Whether the tokenizer has a normal form at all (asked once per group, not per exact document). */
  private boolean hasNormalForm(Tokenizer tokenizer) {
    if (normalForms == null) {
      normalForms = tokenizer.normalForm("") != null;
    }
    return normalForms;
  }

  /** Code points of {@code text} covered by the union of the unknown tokens' intervals. */
  static long unknownChars(String text, Encoding enc) {
    long n = 0;
    int coveredTo = 0; // tokens come in text order; byte-level pieces of one character repeat its interval
    for (int t = 0; t < enc.size(); t++) {
      if (!enc.is(t, Encoding.UNKNOWN)) {
        continue;
      }
      int from = Math.max(enc.starts()[t], coveredTo);
      int to = enc.ends()[t];
      if (to > from) {
        n += text.codePointCount(from, to);
        coveredTo = to;
      }
    }
    return n;
  }

  public RoundTripStats merge(RoundTripStats o) {
    docs += o.docs;
    chars += o.chars;
    unkChars += o.unkChars;
    decodedDocs += o.decodedDocs;
    exactDocs += o.exactDocs;
    normalFormDocs += o.normalFormDocs;
    normalizedDocs += o.normalizedDocs;
    cerDocs += o.cerDocs;
    cerSkippedDocs += o.cerSkippedDocs;
    cerEdits += o.cerEdits;
    cerChars += o.cerChars;
    whitespaceRuns += o.whitespaceRuns;
    whitespaceRunsKept += o.whitespaceRunsKept;
    return this;
  }

  public long docs() {
    return docs;
  }

  /** Documents decoded back exactly / documents decoded. */
  public Double exactRate() {
    return CompressionStats.ratio(exactDocs, decodedDocs);
  }

  /** Documents decoded back to their normal form / documents with a normal form. */
  public Double normalizedRate() {
    return CompressionStats.ratio(normalizedDocs, normalFormDocs);
  }

  /** Documents whose decoded text differs from their normal form (those in the character error rate or skipped). */
  public long cerDocs() {
    return cerDocs;
  }

  /** Of {@link #cerDocs()}, those whose edit distance exceeded the work limit. */
  public long cerSkippedDocs() {
    return cerSkippedDocs;
  }

  /** Edits / code points of the normal form, over the documents that differ from it. */
  public Double cer() {
    return CompressionStats.ratio(cerEdits, cerChars);
  }

  /** Whitespace runs kept / whitespace runs. */
  public Double whitespaceFidelity() {
    return CompressionStats.ratio(whitespaceRunsKept, whitespaceRuns);
  }

  /** Code points under unknown tokens. */
  public long unkChars() {
    return unkChars;
  }

  /** Code points under unknown tokens / code points. */
  public Double unkCharRate() {
    return CompressionStats.ratio(unkChars, chars);
  }
}
