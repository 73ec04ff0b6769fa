package org.tokenometry.udfs.tokenizers;

/** A tokenizer cannot be resolved or loaded; the message names the file or name and the fix. */
public final class TokenizerException extends RuntimeException {
  public TokenizerException(String message) {
    super(message);
  }

  public TokenizerException(String message, Throwable cause) {
    super(message, cause);
  }
}
