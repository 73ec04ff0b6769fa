package org.tokenometry.udfs.qa;

/** A generated question that cannot be used; {@code reason} is a stable code counted in the manifest. */
public final class GenerationRejected extends Exception {
  private final String reason;

  public GenerationRejected(String reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
