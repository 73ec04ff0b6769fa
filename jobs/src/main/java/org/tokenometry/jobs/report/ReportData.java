package org.tokenometry.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * The small aggregate tables a report is drawn from, collected to the driver as plain records (never
 * {@code documents}). A table that does not exist is an empty list and is named in {@link #missing()}.
 */
public record ReportData(
    List<Compression> compression,
    List<Coverage> coverage,
    List<Fairness> fairness,
    List<VocabProfile> vocabProfile,
    List<Retrieval> retrieval,
    Map<String, Long> rejectsByReason,
    List<String> missing) {

  public ReportData {
    compression = List.copyOf(compression);
    coverage = List.copyOf(coverage);
    fairness = List.copyOf(fairness);
    vocabProfile = List.copyOf(vocabProfile);
    retrieval = List.copyOf(retrieval);
    rejectsByReason = Map.copyOf(rejectsByReason);
    missing = List.copyOf(missing);
  }

  public long rejects() {
    return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One row of {@code compression}; nullable columns are boxed. */
  public record Compression(String tokenizer, String corpus, String domain, String lang, long docs, long bytes,
      long tokens, double bytesPerToken, double charsPerToken, Double tokensPerWord, Double continuedWordRate,
      Double singleTokenWordRate, Double nsl, Double premium, Double renyiEfficiency, Double tokensPerSecond) {

    public String script() {
      return Languages.script(lang);
    }
  }

  /** One row of {@code coverage}. */
  public record Coverage(String tokenizer, String corpus, String lang, double unkRate, double byteFallbackRate,
      double splitCharRate, Long vocabSize, Long distinctTokens, Double vocabUtilization, Double lexiconTypeRate,
      Double lexiconTokenRate) {}

  /** One row of {@code fairness}. */
  public record Fairness(String tokenizer, String corpus, int languages, String pivotLang, double premiumMean,
      double premiumMax, String premiumMaxLang, double gini) {}

  /** One row of {@code vocab_profile}. */
  public record VocabProfile(String tokenizer, String category, String script, long count, double share) {}

  /** One row of {@code retrieval}. */
  public record Retrieval(String corpus, String tokenizer, String chunker, int size, int overlap, String retriever,
      int k, String unit, long nQuestions, double recallMean, double precisionMean, double iouMean,
      double precisionOmegaMean, Long chunks, Double meanChunkTokens) {

    /** The curve a row belongs to: everything but the chunk size and the corpus. */
    public String series() {
      return tokenizer + " · " + retriever + " · " + chunker + (overlap > 0 ? " · overlap " + overlap : "")
          + " · k=" + k;
    }
  }
}
