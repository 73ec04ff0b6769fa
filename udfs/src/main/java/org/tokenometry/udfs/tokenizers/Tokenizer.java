package org.tokenometry.udfs.tokenizers;

/**
 * A tokenizer under measurement. Encodes with no special tokens added, no truncation and no padding, and
 * reports for every token its id and its character interval in the input.
 *
 * <p>Implementations are thread-safe, or documented otherwise; loading is expensive, so callers keep one
 * instance per JVM (see the registry).
 */
public interface Tokenizer {
  /** The registry name, e.g. "gpt4o". */
  String name();

  /**
   * Number of ids the model can emit (the denominator of vocab_utilization and Rényi efficiency), or -1 when
   * the vocabulary is unbounded (the {@code words} baseline).
   */
  int vocabSize();

  /** "hf" for model files, "baseline" for the built-in baselines. */
  default String type() {
    return "hf";
  }

  /** The model's pieces and their decoding, or null for baselines without a vocabulary file. */
  default Vocabulary vocabulary() {
    return null;
  }

  /** Whether {@code id} is a special (control) token; these are left out of distribution metrics. */
  default boolean isSpecial(int id) {
    return false;
  }

  /** Tokens of {@code text}; intervals are Java string (UTF-16) indices, end exclusive. */
  Encoding encode(String text);

  /** The vocabulary string of {@code id} as stored in the model (with its space marker), or null. */
  String tokenString(int id);

  /** The unknown token's id, or -1 when the model has none. */
  int unkId();

  /**
   * The text of {@code ids}, as the model's decoder writes it (special tokens kept, ids without a piece
   * skipped), or null when ids cannot be read back (the {@code words} baseline, whose ids are hashes).
   */
  String decode(int[] ids);

  /**
   * Whether {@link #decode}{@code (ids)} equals {@code text}, when the engine can tell without building the
   * decoded text; null when it cannot (then decode and compare). Round trip asks it for every document and
   * tokenizer, and most documents come back exactly.
   */
  default Boolean decodesTo(int[] ids, String text) {
    return null;
  }

  /**
   * The text {@link #decode} gives back for {@code text} when every pre-token is a single vocabulary piece: the
   * normalizer and pre-tokenizer applied, added tokens kept, and each pre-token then decoded as one token. It
   * is what a lossless vocabulary round-trips to, so decode(encode(text)) differs from it only where the
   * vocabulary lost something (an unknown token, a byte without a token). Null when the engine cannot say.
   */
  default String normalForm(String text) {
    return null;
  }

  /**
   * Whether a long text may be encoded in pieces cut before {@code at} (0 < at < length): encoding {@code
   * text[..at)} and {@code text[at..)} with {@link #encode(String, int, int)} gives exactly the tokens, offsets
   * and flags of encoding the whole, because no token can cross {@code at} and neither side's tokens depend on
   * the other side. The pass only asks at a space or line feed after a letter. False by default: such a
   * tokenizer encodes a long document whole.
   */
  default boolean canCutBefore(String text, int at) {
    return false;
  }

  /**
   * The tokens of {@code text[from, to)} as part of {@code text}, where {@code from} and {@code to} are 0, the
   * text's length, or positions {@link #canCutBefore} accepted; offsets index {@code text}.
   */
  default Encoding encode(String text, int from, int to) {
    if (from == 0 && to == text.length()) {
      return encode(text);
    }
    throw new UnsupportedOperationException(name() + " cannot encode a piece of a text");
  }

  /** Number of tokens of {@code text}; engines may override with something cheaper than {@link #encode}. */
  default int count(String text) {
    return encode(text).size();
  }
}
