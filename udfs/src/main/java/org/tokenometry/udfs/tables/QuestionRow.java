package org.tokenometry.udfs.tables;

import java.util.List;
import org.tokenometry.udfs.qa.Reference;

/** {@code questions}: references are code-point offsets (Python indices) into the document, end exclusive. */
public record QuestionRow(String questionId, String corpus, String question, List<Reference> references,
    String generator, String status) {
  public static final String TABLE = "questions";
}
