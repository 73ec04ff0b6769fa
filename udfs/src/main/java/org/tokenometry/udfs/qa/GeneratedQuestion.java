package org.tokenometry.udfs.qa;

import java.util.List;

/** A question a generator produced for one document, with its references in document order. */
public record GeneratedQuestion(String question, List<Reference> references) {
  public GeneratedQuestion {
    references = List.copyOf(references);
  }
}
