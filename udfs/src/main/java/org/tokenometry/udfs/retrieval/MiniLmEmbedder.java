package org.tokenometry.udfs.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar (ONNX model and WordPiece tokenizer inside the jar, ONNX Runtime's
 * native library unpacked from its jar: nothing is downloaded). One model per JVM, loaded on first use;
 * vectors are L2-normalised so a dot product is the cosine. Texts are cut after 254 word pieces (256 with [CLS]
 * and [SEP]), as sentence-transformers' max_seq_length does for this model in Chroma's evaluation (see
 * {@link MiniLmModel}); cutting here also keeps langchain4j from averaging parts of long texts.
 */
public final class MiniLmEmbedder {
  private static final int BATCH = 64;
  private static final int MAX_PIECES = 254;
  private static volatile MiniLmModel model;
  private static volatile HfTokenizer wordPieces;

  private MiniLmEmbedder() {}

  private static MiniLmModel model() {
    if (model == null) {
      synchronized (MiniLmEmbedder.class) {
        if (model == null) {
          model = new MiniLmModel();
        }
      }
    }
    return model;
  }

  /** The model's own WordPiece tokenizer, read from the same jar as the model. */
  private static HfTokenizer wordPieces() {
    if (wordPieces == null) {
      synchronized (MiniLmEmbedder.class) {
        if (wordPieces == null) {
          try {
            Path tmp = Files.createTempFile("minilm-tokenizer", ".json");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, MiniLmModel.resource("/all-minilm-l6-v2-tokenizer.json"));
            wordPieces = HfTokenizer.load("minilm", tmp); // HfTokenizer turns truncation and padding off
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return wordPieces;
  }

  /** {@code text} up to the end of its 254th word piece. */
  static String truncate(String text) {
    Encoding enc = wordPieces().encode(text);
    return enc.size() <= MAX_PIECES ? text : text.substring(0, enc.ends()[MAX_PIECES - 1]);
  }

  public static float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch = new ArrayList<>();
      for (String t : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
        String cut = truncate(t);
        batch.add(TextSegment.from(cut.isBlank() ? " " : cut));
      }
      List<Embedding> vs = model().embedAll(batch).content();
      for (int i = 0; i < vs.size(); i++) {
        out[from + i] = normalize(vs.get(i).vector());
      }
    }
    return out;
  }

  private static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float inv = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }
}
