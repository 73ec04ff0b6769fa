package org.tokenometry.jobs.report;

import java.util.List;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;

/** Table rows for report tests, with only the columns the report draws; the others get neutral values. */
public final class Rows {
  private Rows() {}

  public static CompressionRow compression(String tokenizer, String corpus, String domain, String lang, long docs,
      long bytes, long tokens, double bytesPerToken, double charsPerToken, Double tokensPerWord,
      Double continuedWordRate, Double singleTokenWordRate, Double nsl, Double premium, Double renyiEfficiency,
      Double tokensPerSecond) {
    long chars = Math.round(charsPerToken * tokens);
    long words = tokensPerWord == null ? 0 : Math.round(tokens / tokensPerWord);
    return new CompressionRow(tokenizer, corpus, domain, lang, docs, bytes, chars, words, 0, tokens, bytesPerToken,
        null, null, charsPerToken, tokensPerWord, null, continuedWordRate, singleTokenWordRate, nsl, premium, null,
        null, null, null, null, null, null, null, renyiEfficiency, tokensPerSecond);
  }

  /**
   * {@code r} with a premium split: byte premium {@code b} and the tokenizer premium premium / b, each with an
   * interval of ± {@code halfWidth} of itself, the premium's ± 1.5 x that.
   */
  public static CompressionRow split(CompressionRow r, double b, double halfWidth) {
    double t = r.premium() / b;
    double p = r.premium();
    return new CompressionRow(r.tokenizer(), r.corpus(), r.domain(), r.lang(), r.docs(), r.bytes(), r.chars(),
        r.words(), r.sentences(), r.tokens(), r.bytesPerToken(), r.bytesPerTokenCiLow(), r.bytesPerTokenCiHigh(),
        r.charsPerToken(), r.tokensPerWord(), r.tokensPerSentence(), r.continuedWordRate(), r.singleTokenWordRate(),
        r.nsl(), p, p * (1 - 1.5 * halfWidth), p * (1 + 1.5 * halfWidth), b, b * (1 - halfWidth), b * (1 + halfWidth),
        t, t * (1 - halfWidth), t * (1 + halfWidth), r.renyiEfficiency(), r.tokensPerSecond());
  }

  /** A round-trip row of {@code docs} documents; {@code cer} only where some of them differ from the normal form. */
  public static RoundTripRow roundtrip(String tokenizer, String corpus, String lang, long docs, Double exactRate,
      Double normalizedRate, Double cer, long cerDocs, Double whitespaceFidelity, long unkChars, Double unkCharRate) {
    return new RoundTripRow(tokenizer, corpus, lang, docs, exactRate, normalizedRate, cer, cerDocs, 0,
        whitespaceFidelity, unkChars, unkCharRate);
  }

  /** A robustness row whose ratios follow from its sums. */
  public static RobustnessRow robustness(String tokenizer, String corpus, String lang, String perturbation, long docs,
      long changedDocs, long words, long changedWords, long tokens, long perturbedTokens) {
    return new RobustnessRow(tokenizer, corpus, lang, perturbation, docs, changedDocs, words, changedWords, tokens,
        perturbedTokens, tokens == 0 ? null : (double) perturbedTokens / tokens, 0.0, 0.0,
        words == 0 ? null : (double) changedWords / words, 0.5);
  }

  public static CoverageRow coverage(String tokenizer, String corpus, String lang, double unkRate,
      double byteFallbackRate, double splitCharRate, Long vocabSize, Long distinctTokens, Double vocabUtilization,
      Double lexiconTypeRate, Double lexiconTokenRate) {
    return new CoverageRow(tokenizer, corpus, lang, 0, unkRate, byteFallbackRate, splitCharRate,
        vocabSize == null ? null : vocabSize.intValue(), distinctTokens == null ? 0 : distinctTokens,
        vocabUtilization, lexiconTypeRate, lexiconTokenRate, List.of());
  }

  public static RetrievalRow retrieval(String corpus, String tokenizer, String chunker, int size, int overlap,
      String retriever, int k, String unit, long nQuestions, double recallMean, double precisionMean,
      double iouMean, double precisionOmegaMean, Long chunks, Double meanChunkTokens) {
    return new RetrievalRow(corpus, tokenizer, chunker, size, overlap, retriever, k, unit, (int) nQuestions,
        recallMean, 0, precisionMean, 0, iouMean, 0, precisionOmegaMean, 0, chunks == null ? 0 : chunks.intValue(),
        meanChunkTokens == null ? 0 : meanChunkTokens);
  }
}
