package org.tokenometry.udfs.tokenizers.pure;

import java.nio.file.Path;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;

/**
 * Entry point for the registry: the pure-Java engine that reproduces a tokenizer.json exactly, or an
 * {@link UnsupportedOperationException} naming what neither engine supports (the caller then uses the
 * reference engine). The file is parsed once and offered to each engine in turn.
 */
public final class JavaEngines {
  private JavaEngines() {}

  public static Tokenizer load(String name, Path tokenizerJson) {
    TokenizerJsonFile file = JsonVocabularyEngine.readJson(name, tokenizerJson);
    try {
      return JsonVocabularyEngine.build(name, tokenizerJson, file, JavaBpeTokenizer::new);
    } catch (UnsupportedOperationException byteLevel) {
      try {
        return JsonVocabularyEngine.build(name, tokenizerJson, file, SentencePieceBpeTokenizer::new);
      } catch (UnsupportedOperationException sentencePiece) {
        try {
          return JsonVocabularyEngine.build(name, tokenizerJson, file, WordPieceTokenizer::new);
        } catch (UnsupportedOperationException wordPiece) {
          throw new UnsupportedOperationException("no Java engine for '" + name + "': byte-level BPE: "
              + byteLevel.getMessage() + "; SentencePiece BPE: " + sentencePiece.getMessage() + "; WordPiece: "
              + wordPiece.getMessage(), wordPiece);
        }
      }
    }
  }
}
