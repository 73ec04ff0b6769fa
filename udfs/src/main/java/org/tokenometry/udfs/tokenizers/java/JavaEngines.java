package org.tokenometry.udfs.tokenizers.java;

import java.nio.file.Path;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Entry point for the registry: the pure-Java engine that reproduces a tokenizer.json exactly, or an
 * {@link UnsupportedOperationException} naming what neither engine supports (the caller then uses the
 * reference engine).
 */
public final class JavaEngines {
  private JavaEngines() {}

  public static Tokenizer load(String name, Path tokenizerJson) {
    try {
      return JavaBpeTokenizer.load(name, tokenizerJson);
    } catch (UnsupportedOperationException byteLevel) {
      try {
        return SentencePieceBpeTokenizer.load(name, tokenizerJson);
      } catch (UnsupportedOperationException sentencePiece) {
        try {
          return WordPieceTokenizer.load(name, tokenizerJson);
        } catch (UnsupportedOperationException wordPiece) {
          throw new UnsupportedOperationException("no Java engine for '" + name + "': byte-level BPE: "
              + byteLevel.getMessage() + "; SentencePiece BPE: " + sentencePiece.getMessage() + "; WordPiece: "
              + wordPiece.getMessage(), wordPiece);
        }
      }
    }
  }
}
