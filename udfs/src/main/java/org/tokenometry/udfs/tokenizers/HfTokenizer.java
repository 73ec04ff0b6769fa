package org.tokenometry.udfs.tokenizers;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reference engine: Hugging Face tokenizers (Rust) through DJL, built with truncation, padding and
 * special tokens off. DJL reports code-point spans; they are converted to UTF-16 indices here.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {
  private static final Pattern BYTE_TOKEN = Pattern.compile("<0x[0-9A-Fa-f]{2}>");

  private final String name;
  private final HuggingFaceTokenizer engine;
  private final String[] vocab;
  private final boolean[] byteFallbackId;
  private final int unkId;

  private HfTokenizer(String name, HuggingFaceTokenizer engine, String[] vocab, int unkId) {
    this.name = name;
    this.engine = engine;
    this.vocab = vocab;
    this.unkId = unkId;
    this.byteFallbackId = new boolean[vocab.length];
    for (int i = 0; i < vocab.length; i++) {
      byteFallbackId[i] = vocab[i] != null && BYTE_TOKEN.matcher(vocab[i]).matches();
    }
  }

  public static HfTokenizer load(String name, Path tokenizerJson) {
    System.setProperty("DJL_OFFLINE", "true");
    GlibcCheck.requireSupported(); // before DJL loads libtokenizers.so: a clear message instead of a link error
    try {
      JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
      Map<Integer, String> byId = new HashMap<>();
      JsonNode model = root.path("model");
      JsonNode vocabNode = model.path("vocab");
      if (vocabNode.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          byId.put(e.getValue().asInt(), e.getKey());
        }
      } else if (vocabNode.isArray()) { // Unigram: [[piece, score], ...]
        for (int i = 0; i < vocabNode.size(); i++) {
          byId.put(i, vocabNode.get(i).get(0).asText());
        }
      }
      for (JsonNode added : root.path("added_tokens")) {
        byId.put(added.path("id").asInt(), added.path("content").asText());
      }
      int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      String[] vocab = new String[size];
      byId.forEach((id, s) -> vocab[id] = s);
      int unk = -1;
      JsonNode unkToken = model.path("unk_token");
      if (unkToken.isTextual()) {
        JsonNode id = vocabNode.path(unkToken.asText());
        unk = id.isInt() ? id.asInt() : -1;
      } else if (model.path("unk_id").isInt()) {
        unk = model.path("unk_id").asInt();
      }
      HuggingFaceTokenizer engine = HuggingFaceTokenizer.builder()
          .optTokenizerPath(tokenizerJson)
          .optAddSpecialTokens(false)
          .optTruncation(false)
          .optPadding(false)
          .optWithOverflowingTokens(false)
          .build();
      return new HfTokenizer(name, engine, vocab, unk);
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
    return vocab.length;
  }

  @Override
  public String tokenString(int id) {
    return id >= 0 && id < vocab.length ? vocab[id] : null;
  }

  @Override
  public int unkId() {
    return unkId;
  }

  @Override
  public Encoding encode(String text) {
    if (text.isEmpty()) {
      return Encoding.empty();
    }
    ai.djl.huggingface.tokenizers.Encoding enc = engine.encode(text, false, false);
    long[] ids = enc.getIds();
    long[] special = enc.getSpecialTokenMask();
    CharSpan[] spans = enc.getCharTokenSpans();
    int n = ids.length;
    int[] outIds = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    byte[] flags = new byte[n];
    CodePointIndex cp = CodePointIndex.of(text);
    for (int i = 0; i < n; i++) {
      int id = (int) ids[i];
      outIds[i] = id;
      CharSpan s = spans[i];
      if (s != null) {
        starts[i] = cp.toUtf16(s.getStart());
        ends[i] = cp.toUtf16(s.getEnd());
      }
      byte f = 0;
      if (special[i] != 0) {
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

  @Override
  public void close() {
    engine.close();
  }
}
