package org.tokenometry.udfs.retrieval;

/** The four metrics of one question under one retriever, k and unit. */
public record QuestionResult(String questionId, String corpus, String retriever, int k, String unit,
    double recall, double precision, double iou, double precisionOmega) {}
