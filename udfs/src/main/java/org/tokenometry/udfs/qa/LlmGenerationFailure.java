package org.tokenometry.udfs.qa;

/**
 * The LLM generation cannot go on: the endpoint refused (HTTP 401/403/404/405/407/410 or a redirect), could not be
 * reached after every retry, or no attempt of the whole stage got an answer. Unlike {@link GenerationRejected},
 * which costs one question, this fails the stage. The message is one line naming the URL and the status; it
 * never holds the API key.
 */
public final class LlmGenerationFailure extends Exception {
  public LlmGenerationFailure(String message) {
    super(message);
  }
}
