package org.tokenometry.udfs.metrics;

import java.io.Serializable;

/**
 * What the group aggregates need of one document, whatever the tokenizer: UTF-8 bytes, code points, ICU words
 * and sentences, non-whitespace code points. A long document encoded in pieces sums its pieces' facts.
 */
public record DocumentFacts(long bytes, long chars, long words, long sentences, long nonWhitespaceChars)
    implements Serializable {
  public static final DocumentFacts NONE = new DocumentFacts(0, 0, 0, 0, 0);

  public DocumentFacts plus(DocumentFacts o) {
    return new DocumentFacts(bytes + o.bytes, chars + o.chars, words + o.words, sentences + o.sentences,
        nonWhitespaceChars + o.nonWhitespaceChars);
  }

  public DocumentFacts withSentences(long n) {
    return new DocumentFacts(bytes, chars, words, n, nonWhitespaceChars);
  }
}
