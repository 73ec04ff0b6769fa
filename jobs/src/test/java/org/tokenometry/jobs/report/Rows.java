package org.tokenometry.jobs.report;

import java.util.List;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.RetrievalRow;

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
