package org.tokenometry.udfs.tokenizers;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tokenometry.udfs.text.CodePointOffsets;

/**
 * The reference engine: Hugging Face tokenizers (Rust) through DJL, built with truncation, padding and
 * special tokens off. DJL reports code-point spans; they are converted to UTF-16 indices here. The Rust
 * tokenizer is immutable once built, so one instance serves all threads of a JVM.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {
  private final String name;
  private final HuggingFaceTokenizer engine;
  private final Vocabulary vocab;
  private final boolean[] byteFallbackId;
  private final int unkId;
  private final int vocabSize;

  private HfTokenizer(String name, HuggingFaceTokenizer engine, Vocabulary vocab, int unkId) {
    this.name = name;
    this.engine = engine;
    this.vocab = vocab;
    this.unkId = unkId;
    this.vocabSize = vocab.assigned();
    this.byteFallbackId = new boolean[vocab.size()];
    for (int i = 0; i < vocab.size(); i++) {
      byteFallbackId[i] = Vocabulary.byteFallbackValue(vocab.piece(i)) >= 0;
    }
  }

  public static HfTokenizer load(String name, Path tokenizerJson) {
    System.setProperty("DJL_OFFLINE", "true");
    GlibcCheck.requireSupported(); // before DJL loads libtokenizers.so: a clear message instead of a link error
    try {
      TokenizerJson facts = TokenizerJson.read(TokenizerJsonFile.read(tokenizerJson));
      HuggingFaceTokenizer engine = HuggingFaceTokenizer.builder()
          .optTokenizerPath(tokenizerJson)
          .optAddSpecialTokens(false)
          .optTruncation(false)
          .optPadding(false)
          .optWithOverflowingTokens(false)
          .build();
      return new HfTokenizer(name, engine, facts.vocabulary(), facts.unkId());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer '" + name + "' from " + tokenizerJson + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int vocabSize() {
    return vocabSize;
  }

  @Override
  public Vocabulary vocabulary() {
    return vocab;
  }

  @Override
  public boolean isSpecial(int id) {
    return id != unkId && vocab.isSpecial(id);
  }

  @Override
  public String tokenString(int id) {
    return vocab.piece(id);
  }

  @Override
  public int unkId() {
    return unkId;
  }

  /**
   * A lone surrogate is not a character: it reaches the Rust engine as several replacement characters, so its
   * offsets no longer line up with the Java string. Replace each with U+FFFD (same UTF-16 length, so offsets
   * still index the caller's text). Text read by ingest never has any: UTF-8 decoding already replaced them.
   */
  static String withoutLoneSurrogates(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (out == null) {
        out = text.toCharArray();
      }
      out[i] = '\uFFFD';
    }
    return out == null ? text : new String(out);
  }

  @Override
  public Encoding encode(String text) {
    if (text.isEmpty()) {
      return Encoding.empty();
    }
    text = withoutLoneSurrogates(text);
    ai.djl.huggingface.tokenizers.Encoding enc = engine.encode(text, false, false);
    long[] ids = enc.getIds();
    long[] special = enc.getSpecialTokenMask();
    CharSpan[] spans = enc.getCharTokenSpans();
    int n = ids.length;
    int[] outIds = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    byte[] flags = new byte[n];
    CodePointOffsets cp = CodePointOffsets.of(text);
    for (int i = 0; i < n; i++) {
      int id = (int) ids[i];
      outIds[i] = id;
      CharSpan s = spans[i];
      if (s != null) {
        starts[i] = cp.toUtf16(s.getStart());
        ends[i] = cp.toUtf16(s.getEnd());
      }
      byte f = 0;
      if (special[i] != 0 || (id != unkId && vocab.isSpecial(id))) {
        f |= Encoding.SPECIAL;
      }
      if (id == unkId) {
        f |= Encoding.UNKNOWN;
      }
      if (id >= 0 && id < byteFallbackId.length && byteFallbackId[id]) {
        f |= Encoding.BYTE_FALLBACK;
      }
      flags[i] = f;
    }
    return new Encoding(outIds, starts, ends, flags);
  }

  /** The Rust engine's decode with special tokens kept (DJL's own decode(ids) would skip them). */
  @Override
  public String decode(int[] ids) {
    long[] longIds = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longIds[i] = ids[i];
    }
    return engine.decode(longIds, false);
  }

  @Override
  public void close() {
    engine.close();
  }
}
