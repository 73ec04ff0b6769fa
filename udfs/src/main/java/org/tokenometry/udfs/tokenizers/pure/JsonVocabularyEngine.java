package org.tokenometry.udfs.tokenizers.pure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerJson;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * What the Java engines share: the tokenizer.json's vocabulary read exactly as the reference engine's is
 * ({@link TokenizerJson}), so vocabulary size, token strings, special and unknown ids agree whichever engine
 * encodes, and the per-id flags every emitted token carries.
 */
abstract class JsonVocabularyEngine implements Tokenizer {
  private final String name;
  private final TokenizerJson facts;
  /** Encoding flags per id: BYTE_FALLBACK for {@code <0xNN>} pieces, UNKNOWN, SPECIAL for special added tokens. */
  final byte[] idFlags;
  /** The file's decoder; one the engines cannot run exactly refuses the file at load. */
  final Decoder decoder;

  JsonVocabularyEngine(String name, TokenizerJsonFile file) {
    this.name = name;
    this.facts = TokenizerJson.read(file);
    Vocabulary v = facts.vocabulary();
    idFlags = new byte[v.size()];
    for (int i = 0; i < idFlags.length; i++) {
      if (Vocabulary.byteFallbackValue(v.piece(i)) >= 0) {
        idFlags[i] |= Encoding.BYTE_FALLBACK;
      }
      if (facts.isSpecial(i)) {
        idFlags[i] |= Encoding.SPECIAL;
      }
    }
    if (facts.unkId() >= 0) {
      idFlags[facts.unkId()] |= Encoding.UNKNOWN;
    }
    decoder = Decoder.of(file.root().path("decoder"));
  }

  /** An engine's constructor: reads what it needs from the parsed file, or refuses what it cannot reproduce. */
  interface Constructor<T extends JsonVocabularyEngine> {
    T create(String name, TokenizerJsonFile file);
  }

  static TokenizerJsonFile readJson(String name, Path tokenizerJson) {
    try {
      return TokenizerJsonFile.read(tokenizerJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer '" + name + "' from " + tokenizerJson + ": "
          + e.getMessage(), e);
    }
  }

  /** Builds one engine from an already parsed file; a refusal names the tokenizer and its file. */
  static <T extends JsonVocabularyEngine> T build(String name, Path tokenizerJson, TokenizerJsonFile file,
      Constructor<T> engine) {
    try {
      return engine.create(name, file);
    } catch (UnsupportedOperationException e) {
      throw new UnsupportedOperationException("tokenizer '" + name + "' (" + tokenizerJson + "): "
          + e.getMessage(), e);
    }
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int vocabSize() {
    return facts.vocabulary().assigned();
  }

  @Override
  public final Vocabulary vocabulary() {
    return facts.vocabulary();
  }

  @Override
  public final boolean isSpecial(int id) {
    return facts.isSpecial(id);
  }

  @Override
  public final String tokenString(int id) {
    return id >= 0 && id < facts.vocabulary().size() ? facts.vocabulary().piece(id) : null;
  }

  @Override
  public final int unkId() {
    return facts.unkId();
  }

  /** As the reference engine: each id's piece (an added token's content first), ids without one skipped. */
  @Override
  public final String decode(int[] ids) {
    Vocabulary v = facts.vocabulary();
    List<String> pieces = new ArrayList<>(ids.length);
    for (int id : ids) {
      String p = v.piece(id);
      if (p != null) {
        pieces.add(p);
      }
    }
    return decoder.decode(pieces);
  }

  /** Byte-level decoders compare each id's bytes with the text's UTF-8 ({@link ByteLevelDecoder#decodesTo}). */
  @Override
  public final Boolean decodesTo(int[] ids, String text) {
    return decoder instanceof ByteLevelDecoder ? ByteLevelDecoder.decodesTo(pieceBytes(), ids, text) : null;
  }

  private volatile byte[][] pieceBytes;

  /** Each id's bytes under the byte-level decoder (null: no piece), built once. */
  private byte[][] pieceBytes() {
    byte[][] p = pieceBytes;
    if (p == null) {
      Vocabulary v = facts.vocabulary();
      p = new byte[v.size()][];
      for (int id = 0; id < p.length; id++) {
        String piece = v.piece(id);
        p[id] = piece == null ? null : ByteLevelDecoder.bytesOf(piece);
      }
      pieceBytes = p;
    }
    return p;
  }
}
