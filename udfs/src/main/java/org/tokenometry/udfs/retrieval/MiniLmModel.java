package org.tokenometry.udfs.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar with the sequence length sentence-transformers uses for this model
 * (256 word pieces). The tokenizer.json in the jar carries {@code truncation.max_length = 128}, so
 * langchain4j's own {@link AllMiniLmL6V2EmbeddingModel} embeds only the first 126 word pieces of every text;
 * Chroma's evaluation (sentence-transformers) sees 254. Same ONNX weights, patched tokenizer settings.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
  static final int MAX_LENGTH = 256;

  private final OnnxBertBiEncoder encoder;

  MiniLmModel() {
    super(null); // langchain4j's default executor
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = env.createSession(resource("/all-minilm-l6-v2.onnx"), new OrtSession.SessionOptions());
      ObjectMapper json = new ObjectMapper();
      ObjectNode tokenizer = (ObjectNode) json.readTree(resource("/all-minilm-l6-v2-tokenizer.json"));
      ((ObjectNode) tokenizer.get("truncation")).put("max_length", MAX_LENGTH);
      tokenizer.putNull("padding");
      encoder = new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(json.writeValueAsBytes(tokenizer)),
          PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("loading all-MiniLM-L6-v2 from the langchain4j jar: " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load all-MiniLM-L6-v2: " + e.getMessage(), e);
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " missing from the langchain4j all-minilm-l6-v2 jar");
      }
      return in.readAllBytes();
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }
}
