package org.tokenometry.udfs.tables;

/** {@code retrieval_questions}: one row per question x chunk set x retriever x k x unit. */
public record RetrievalQuestionRow(String corpus, String tokenizer, String chunker, int size, int overlap,
    String retriever, int k, String unit, String questionId, double recall, double precision, double iou,
    double precisionOmega, int chunks, double meanChunkTokens) {
  public static final String TABLE = "retrieval_questions";
}
