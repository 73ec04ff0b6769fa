package org.tokenometry.udfs.tokenizers.java;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * A pure-Java engine for SentencePiece-style BPE tokenizer.json files (Mistral/Llama 2, Gemma, Gemini):
 * spaces become U+2581 (optionally one is prepended to each segment), the whole segment is one BPE word
 * over characters, and characters missing from the vocabulary fall back to their UTF-8 byte tokens
 * {@code <0xNN>}. Reproduces the Hugging Face engine's ids and offsets; refuses other configurations at load
 * time with an {@link UnsupportedOperationException}. Thread-safe.
 */
public final class SentencePieceBpeTokenizer extends JsonVocabularyEngine {

  private final Map<Integer, Integer> charIds = new HashMap<>(); // code point → id, for single-character tokens
  private final int[] asciiIds = new int[128];
  private final int[] byteIds = new int[256];
  private final int unkId;
  private final boolean fuseUnk;
  private final MergeTable merges;
  private final int prepend; // code point prepended to each non-empty segment, or -1
  private final int space; // code point spaces become
  private final AddedTokens added;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final AddedTokens.Visitor<Scratch> pieces = new AddedTokens.Visitor<>() {
    @Override
    public void segment(String text, int from, int to, Scratch s) {
      SentencePieceBpeTokenizer.this.segment(text, from, to, s);
    }

    @Override
    public void added(int id, int from, int to, Scratch s) {
      s.emit(id, from, to);
    }
  };

  SentencePieceBpeTokenizer(String name, JsonNode root) {
    super(name, root);
    JsonNode model = root.path("model");
    if (!model.path("type").asText("").equals("BPE")) {
      throw JavaBpeTokenizer.unsupported("model " + model.path("type").asText("(untyped)"));
    }
    if (!model.path("byte_fallback").asBoolean(false)) {
      throw JavaBpeTokenizer.unsupported("character BPE without byte_fallback");
    }
    if (!model.path("dropout").isNull() && !model.path("dropout").isMissingNode()) {
      throw JavaBpeTokenizer.unsupported("BPE dropout");
    }
    if (model.path("ignore_merges").asBoolean(false)) {
      throw JavaBpeTokenizer.unsupported("character BPE with ignore_merges");
    }
    for (String affix : new String[] {"continuing_subword_prefix", "end_of_word_suffix"}) {
      if (!model.path(affix).asText("").isEmpty()) {
        throw JavaBpeTokenizer.unsupported("BPE " + affix);
      }
    }
    Map<String, Integer> ids = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ids.put(e.getKey(), e.getValue().asInt());
    }
    List<AddedTokens.Token> addedTokens = new ArrayList<>();
    for (JsonNode a : root.path("added_tokens")) {
      for (String flag : new String[] {"lstrip", "rstrip", "single_word", "normalized"}) {
        if (a.path(flag).asBoolean(false)) {
          throw JavaBpeTokenizer.unsupported("added token '" + a.path("content").asText() + "' with " + flag);
        }
      }
      addedTokens.add(new AddedTokens.Token(a.path("content").asText(), a.path("id").asInt()));
    }
    JsonNode unk = model.path("unk_token");
    unkId = unk.isTextual() && ids.containsKey(unk.asText()) ? ids.get(unk.asText()) : -1;
    fuseUnk = model.path("fuse_unk").asBoolean(false);
    for (int b = 0; b < 256; b++) {
      Integer id = ids.get(String.format("<0x%02X>", b));
      byteIds[b] = id == null ? -1 : id; // a character with a missing byte token becomes unknown
    }
    java.util.Arrays.fill(asciiIds, -1);
    ids.forEach((s, id) -> {
      if (s.codePointCount(0, s.length()) == 1) {
        int cp = s.codePointAt(0);
        charIds.put(cp, id);
        if (cp < 128) {
          asciiIds[cp] = id;
        }
      }
    });
    merges = JavaBpeTokenizer.loadMerges(model.path("merges"), ids);
    int[] norm = normalizer(root.path("normalizer"));
    prepend = norm[0];
    space = norm[1];
    checkPreTokenizer(root.path("pre_tokenizer"));
    JavaBpeTokenizer.checkPostProcessor(root.path("post_processor"));
    added = new AddedTokens(addedTokens);
  }

  public static SentencePieceBpeTokenizer load(String name, Path tokenizerJson) {
    return build(name, tokenizerJson, readJson(name, tokenizerJson), SentencePieceBpeTokenizer::new);
  }

  /** {prepended code point or -1, code point replacing spaces}; only Prepend + Replace(" ") are accepted. */
  private static int[] normalizer(JsonNode n) {
    List<JsonNode> steps = new ArrayList<>();
    if (n.path("type").asText("").equals("Sequence")) {
      n.path("normalizers").forEach(steps::add);
    } else if (!n.isNull() && !n.isMissingNode()) {
      steps.add(n);
    }
    int prepend = -1;
    int space = -1;
    for (JsonNode s : steps) {
      String type = s.path("type").asText("");
      if (type.equals("Prepend") && space < 0 && prepend < 0 && single(s.path("prepend").asText(""))) {
        prepend = s.path("prepend").asText().codePointAt(0);
      } else if (type.equals("Replace") && s.path("pattern").path("String").asText("").equals(" ")
          && single(s.path("content").asText("")) && space < 0) {
        space = s.path("content").asText().codePointAt(0);
      } else {
        throw JavaBpeTokenizer.unsupported("normalizer " + type + " in this position");
      }
    }
    if (space < 0) {
      throw JavaBpeTokenizer.unsupported("character BPE without the Replace(' ') normalizer");
    }
    return new int[] {prepend, space};
  }

  private static boolean single(String s) {
    return !s.isEmpty() && s.codePointCount(0, s.length()) == 1;
  }

  /** Splitting on " " after every space was replaced splits nothing; anything else is refused. */
  private static void checkPreTokenizer(JsonNode p) {
    if (p.isNull() || p.isMissingNode()) {
      return;
    }
    if (p.path("type").asText("").equals("Split") && p.path("pattern").path("String").asText("").equals(" ")) {
      return;
    }
    throw JavaBpeTokenizer.unsupported("pre_tokenizer " + p.path("type").asText("(untyped)") + " with character BPE");
  }

  @Override
  public Encoding encode(String text) {
    if (text.isEmpty()) {
      return Encoding.empty();
    }
    Scratch s = scratch.get();
    s.out.clear();
    added.scan(text, pieces, s);
    return encoding(s.out);
  }

  private int idOf(int cp) {
    if (cp < 128) {
      return asciiIds[cp];
    }
    Integer id = charIds.get(cp);
    return id == null ? -1 : id;
  }

  /** Normalizes text[from, to), builds one symbol per character (or per byte of an unknown one) and merges. */
  private void segment(String text, int from, int to, Scratch s) {
    Normalized norm = s.norm;
    norm.clear();
    int first = text.codePointAt(from);
    if (prepend >= 0) {
      norm.add(prepend, from, from + Character.charCount(first));
    }
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      norm.add(cp == ' ' ? space : cp, i, next);
      i = next;
    }
    int n = norm.size;
    IntList sym = s.sym;
    IntList len = s.symLen; // byte length of each symbol; offsets are cumulative, as in the HF Word
    IntList byteToCp = s.byteToCp;
    sym.clear();
    len.clear();
    byteToCp.clear();
    int unk = 0; // pending unknown bytes (fused), added before the next known character or at the end
    for (int i = 0; i < n; i++) {
      int cp = norm.cps[i];
      int blen = utf8(cp, s.bytes);
      for (int b = 0; b < blen; b++) {
        byteToCp.add(i);
      }
      int id = idOf(cp);
      if (id >= 0) {
        if (unk > 0) {
          sym.add(unkId);
          len.add(unk);
          unk = 0;
        }
        sym.add(id);
        len.add(blen);
        continue;
      }
      boolean allBytes = true;
      for (int b = 0; b < blen; b++) {
        allBytes &= byteIds[s.bytes[b] & 0xFF] >= 0;
      }
      if (allBytes) {
        for (int b = 0; b < blen; b++) {
          sym.add(byteIds[s.bytes[b] & 0xFF]);
          len.add(1);
        }
      } else if (unkId >= 0) {
        if (unk > 0 && !fuseUnk) {
          sym.add(unkId);
          len.add(unk);
          unk = 0;
        }
        unk += blen;
      }
    }
    if (unk > 0) {
      sym.add(unkId);
      len.add(unk);
    }
    int m = sym.size;
    int[] ids = sym.a;
    int[] next = s.ints(0, m);
    int[] prev = s.ints(1, m);
    int[] bytes = s.ints(2, m); // byte length of each (merged) symbol
    for (int i = 0; i < m; i++) {
      next[i] = i + 1 < m ? i + 1 : -1;
      prev[i] = i - 1;
      bytes[i] = len.a[i];
    }
    boolean[] dead = s.dead(m);
    long[] heap = s.heap(m);
    int heapSize = 0;
    for (int i = 0; i + 1 < m; i++) {
      int r = merges.rankOf(ids[i], ids[i + 1]);
      if (r >= 0) {
        heapSize = Heap.push(heap, heapSize, ((long) r << 32) | i);
      }
    }
    while (heapSize > 0) {
      long top = heap[0];
      heapSize = Heap.pop(heap, heapSize);
      int pos = (int) top;
      int nx = next[pos];
      if (dead[pos] || nx < 0) {
        continue;
      }
      int rank = (int) (top >>> 32);
      if (merges.rankOf(ids[pos], ids[nx]) != rank) {
        continue;
      }
      ids[pos] = merges.mergedOf(rank);
      bytes[pos] += bytes[nx];
      dead[nx] = true;
      next[pos] = next[nx];
      if (next[nx] >= 0) {
        prev[next[nx]] = pos;
      }
      if (prev[pos] >= 0) {
        int r = merges.rankOf(ids[prev[pos]], ids[pos]);
        if (r >= 0) {
          heapSize = Heap.push(heap, heapSize, ((long) r << 32) | prev[pos]);
        }
      }
      if (next[pos] >= 0) {
        int r = merges.rankOf(ids[pos], ids[next[pos]]);
        if (r >= 0) {
          heapSize = Heap.push(heap, heapSize, ((long) r << 32) | pos);
        }
      }
    }
    int offset = 0;
    for (int i = 0; m > 0 && i >= 0; i = next[i]) {
      int end = Math.min(offset + bytes[i], byteToCp.size);
      s.emit(ids[i], norm.origStart[byteToCp.a[Math.min(offset, byteToCp.size - 1)]], norm.origEnd[byteToCp.a[end - 1]]);
      offset += bytes[i];
    }
  }

  private static int utf8(int cp, byte[] b) {
    if (cp < 0x80) {
      b[0] = (byte) cp;
      return 1;
    } else if (cp < 0x800) {
      b[0] = (byte) (0xC0 | (cp >> 6));
      b[1] = (byte) (0x80 | (cp & 0x3F));
      return 2;
    } else if (cp < 0x10000) {
      b[0] = (byte) (0xE0 | (cp >> 12));
      b[1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      b[2] = (byte) (0x80 | (cp & 0x3F));
      return 3;
    }
    b[0] = (byte) (0xF0 | (cp >> 18));
    b[1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    b[2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    b[3] = (byte) (0x80 | (cp & 0x3F));
    return 4;
  }

  private static final class Scratch {
    final Normalized norm = new Normalized();
    final IntList sym = new IntList(256);
    final IntList symLen = new IntList(256);
    final IntList byteToCp = new IntList(1024);
    final IntList out = new IntList(768);
    final byte[] bytes = new byte[4];
    private final int[][] ints = new int[3][256];
    private boolean[] dead = new boolean[256];
    private long[] heap = new long[512];

    int[] ints(int k, int n) {
      if (ints[k].length < n) {
        ints[k] = new int[Math.max(n, ints[k].length * 2)];
      }
      return ints[k];
    }

    boolean[] dead(int n) {
      if (dead.length < n) {
        dead = new boolean[Math.max(n, dead.length * 2)];
      } else {
        java.util.Arrays.fill(dead, 0, n, false);
      }
      return dead;
    }

    /** Pushes: the initial pairs plus at most two per merge, so 3n bounds the heap. */
    long[] heap(int n) {
      if (heap.length < 3 * n + 4) {
        heap = new long[3 * n + 4];
      }
      return heap;
    }

    void emit(int id, int start, int end) {
      out.add(id, start);
      out.add(end);
    }
  }
}
