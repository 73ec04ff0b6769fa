package org.tokenometry.udfs.tables;

/** {@code retrieval}: one row per corpus x tokenizer x chunker x size x overlap x retriever x k x unit. */
public record RetrievalRow(String corpus, String tokenizer, String chunker, int size, int overlap,
    String retriever, int k, String unit, int nQuestions, double recallMean, double recallStd,
    double precisionMean, double precisionStd, double iouMean, double iouStd, double precisionOmegaMean,
    double precisionOmegaStd, int chunks, double meanChunkTokens) {
  public static final String TABLE = "retrieval";
}
