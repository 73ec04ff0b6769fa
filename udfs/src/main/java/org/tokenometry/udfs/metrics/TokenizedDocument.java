package org.tokenometry.udfs.metrics;

import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * The per-document counts of one tokenizer (one {@code doc_tokens} row), from its encoding: tokens, unknown
 * and byte-fallback tokens, continued and single-token words, split characters.
 */
public record TokenizedDocument(long tokens, long unk, long byteFallback, long continuedWords,
    long singleTokenWords, long splitChars) {

  public static TokenizedDocument of(DocumentText doc, Encoding enc) {
    long unk = 0;
    long bytes = 0;
    for (int t = 0; t < enc.size(); t++) {
      if (enc.is(t, Encoding.UNKNOWN)) {
        unk++;
      }
      if (enc.is(t, Encoding.BYTE_FALLBACK)) {
        bytes++;
      }
    }
    long[] cs = WordTokenOverlap.count(doc.wordSpans(), enc);
    return new TokenizedDocument(enc.size(), unk, bytes, cs[0], cs[1], SplitCharacters.count(doc.text(), enc));
  }
}
