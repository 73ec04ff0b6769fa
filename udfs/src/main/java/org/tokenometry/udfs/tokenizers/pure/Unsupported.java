package org.tokenometry.udfs.tokenizers.pure;

/** What the pure-Java engines throw for a tokenizer.json feature they cannot reproduce exactly. */
final class Unsupported {
  private Unsupported() {}

  static UnsupportedOperationException feature(String what) {
    return new UnsupportedOperationException(what + " not supported by the Java engine");
  }
}
