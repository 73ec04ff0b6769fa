package org.tokenometry.udfs.retrieval;

import java.util.List;

/** A question to evaluate: references are code-point offsets (end exclusive) into documents, as in the questions table. */
public record EvalQuestion(String id, String corpus, String question, List<Reference> references) {
  public record Reference(String docId, int start, int end) {}
}
