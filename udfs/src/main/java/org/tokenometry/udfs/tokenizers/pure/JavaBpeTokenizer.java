package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;
import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * A pure-Java engine for byte-level BPE tokenizer.json files (GPT-2 lineage: cl100k, o200k, Llama 3, Qwen,
 * DeepSeek, Claude) that reproduces the Hugging Face engine's ids and offsets exactly. Anything it cannot
 * reproduce exactly is refused at load time with an {@link UnsupportedOperationException} naming the
 * component, so callers can fall back to the reference engine. Thread-safe; each thread keeps its own
 * bounded cache of word encodings.
 */
public final class JavaBpeTokenizer extends JsonVocabularyEngine {
  private static final int CACHE_ENTRIES = 1 << 16;
  private static final int CACHE_MAX_WORD = 64;
  private static final int[] BYTE_TO_CHAR = ByteLevel.byteToChar();
  /** Tokens a thread's output buffers may keep between calls. */
  static final int MAX_KEPT = 1 << 20;

  private final int[] byteIds = new int[256];
  private final MergeTable merges;
  private final int[] bytePairRanks = new int[1 << 16]; // (first byte << 8 | second byte) → merge rank or -1
  private final ByteVocabulary wholeWords; // with ignore_merges, else null
  private final UnicodeNormalizer normalizer; // null: identity
  private final Splitter[] splitters;
  private final AddedTokens added;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final AddedTokens.Visitor<Scratch> pieces = new AddedTokens.Visitor<>() {
    @Override
    public void segment(String text, int from, int to, Scratch s) {
      encodeSegment(text, from, to, s);
    }

    @Override
    public void added(int id, int from, int to, Scratch s) {
      s.emit(id, from, to, idFlags[id]);
    }
  };

  JavaBpeTokenizer(String name, TokenizerJsonFile file) {
    super(name, file);
    JsonNode root = file.root();
    JsonNode model = root.path("model");
    checkModel(model, file.vocab() != null);
    VocabIds vocabIds = file.vocab();
    List<AddedTokens.Token> addedTokens = new ArrayList<>();
    for (JsonNode a : root.path("added_tokens")) {
      for (String flag : new String[] {"lstrip", "rstrip", "single_word"}) {
        if (a.path(flag).asBoolean(false)) {
          throw Unsupported.feature("added token '" + a.path("content").asText() + "' with " + flag);
        }
      }
      addedTokens.add(new AddedTokens.Token(a.path("content").asText(), a.path("id").asInt()));
    }
    int[] byteToChar = ByteLevel.byteToChar();
    for (int b = 0; b < 256; b++) {
      int id = vocabIds.get(new String(Character.toChars(byteToChar[b])));
      if (id < 0) {
        throw Unsupported.feature("byte-level vocabulary without a token for byte " + b);
      }
      byteIds[b] = id;
    }
    this.merges = MergeTable.load(file.merges(), vocabIds, null);
    for (int b = 0; b < 1 << 16; b++) {
      bytePairRanks[b] = merges.rankOf(byteIds[b >>> 8], byteIds[b & 0xFF]);
    }
    this.wholeWords = model.path("ignore_merges").asBoolean(false) ? new ByteVocabulary(vocabIds, byteToChar) : null;
    this.normalizer = UnicodeNormalizer.of(root.path("normalizer"));
    this.splitters = PreTokenizers.of(root.path("pre_tokenizer"));
    PostProcessors.check(root.path("post_processor"));
    this.added = new AddedTokens(addedTokens);
    if (normalizer != null) {
      for (JsonNode a : root.path("added_tokens")) {
        if (a.path("normalized").asBoolean(false)) {
          throw Unsupported.feature("normalized added token '" + a.path("content").asText() + "' with a normalizer");
        }
      }
    }
  }

  /** Loads a tokenizer.json; throws UnsupportedOperationException naming what this engine cannot reproduce. */
  public static JavaBpeTokenizer load(String name, Path tokenizerJson) {
    return build(name, tokenizerJson, readJson(name, tokenizerJson), JavaBpeTokenizer::new);
  }

  private static void checkModel(JsonNode model, boolean vocabIsObject) {
    String type = model.path("type").asText("");
    if (!type.equals("BPE")) {
      throw Unsupported.feature("model " + (type.isEmpty() ? "(untyped)" : type));
    }
    if (!model.path("dropout").isNull() && !model.path("dropout").isMissingNode()) {
      throw Unsupported.feature("BPE dropout");
    }
    if (model.path("byte_fallback").asBoolean(false)) {
      throw Unsupported.feature("BPE byte_fallback");
    }
    for (String affix : new String[] {"continuing_subword_prefix", "end_of_word_suffix"}) {
      if (!model.path(affix).asText("").isEmpty()) {
        throw Unsupported.feature("BPE " + affix);
      }
    }
    if (!vocabIsObject) {
      throw Unsupported.feature("BPE vocab that is not an object");
    }
  }

  @Override
  public Encoding encode(String text) {
    if (text.isEmpty()) {
      return Encoding.empty();
    }
    Scratch s = scratch.get();
    s.reset(false);
    added.scan(text, pieces, s);
    return s.toEncoding();
  }

  @Override
  public Encoding encode(String text, int from, int to) {
    if (from == to) {
      return Encoding.empty();
    }
    Scratch s = scratch.get();
    s.reset(false);
    added.scan(text, from, to, pieces, s);
    return s.toEncoding();
  }

  /**
   * A cut before a space or line feed that follows a letter, or after a lone line feed (not after other
   * whitespace) that a letter follows: every pre-tokenizer regex this engine implements ends a match between a
   * letter and whitespace (no alternative holds a letter then whitespace: letter runs, contractions and the
   * one-character prefixes stop there, and the prefixes exclude line breaks) and between a line feed and a letter
   * (the whitespace and punctuation alternatives end with runs of line breaks or whitespace), and none looks
   * behind. The line feed must stand alone: {@code \s+(?!\S)} takes "\n\n" before a letter as two pre-tokens
   * but as one at the end of a piece. Under a normalizer the letter must stay as it is, and the text on either
   * side of the cut normalize apart (spaces and line feeds compose with nothing; a letter after the cut must not
   * compose with what precedes it); and no added token may hold the two characters side by side.
   */
  @Override
  public boolean canCutBefore(String text, int at) {
    char c = text.charAt(at);
    int letter;
    boolean letterAfter = false;
    if (c == ' ' || c == '\n') {
      letter = text.codePointBefore(at);
    } else if (text.charAt(at - 1) == '\n' && at >= 2 && !CharClasses.is(text.codePointBefore(at - 1),
        CharClasses.SPACE)) {
      letter = text.codePointAt(at);
      letterAfter = true;
    } else {
      return false;
    }
    return CharClasses.is(letter, CharClasses.L) && (normalizer == null || normalizer.unchanged(letter)
        && (!letterAfter || normalizer.boundaryBefore(letter))) && added.neverAcross(text, at);
  }

  /** Same pipeline as {@link #encode}, without materializing the tokens. */
  @Override
  public int count(String text) {
    Scratch s = scratch.get();
    s.reset(true);
    added.scan(text, pieces, s);
    return s.size;
  }

  /** Text between added tokens: normalize, pre-tokenize, BPE each pre-token. */
  private void encodeSegment(String text, int from, int to, Scratch s) {
    Normalized norm = s.norm;
    IntList pieces = preTokens(text, from, to, s);
    int[] cps = norm.cps;
    for (int i = 0; i < pieces.size; i += 2) {
      int ps = pieces.a[i];
      int pe = pieces.a[i + 1];
      int[] word = word(cps, ps, pe, s);
      int o = s.wordAt;
      int count = word[o];
      for (int k = 0; k < count; k++) {
        int id = word[o + 1 + k];
        int cs = ps + word[o + 1 + count + k];
        int ce = ps + word[o + 1 + 2 * count + k];
        s.emit(id, norm.origStart[cs], norm.origEnd[ce - 1], idFlags[id]);
      }
    }
  }

  /** Normalizes text[from, to) into {@code s.norm} and splits it: the pre-tokens as (start, end) code points. */
  private IntList preTokens(String text, int from, int to, Scratch s) {
    Normalized norm = s.norm;
    norm.clear();
    if (normalizer == null) {
      norm.addIdentity(text, from, to);
    } else {
      normalizer.normalize(text, from, to, norm);
    }
    IntList pieces = s.pieces;
    pieces.clear();
    pieces.add(0, norm.size);
    for (Splitter sp : splitters) {
      IntList next = s.piecesNext;
      next.clear();
      for (int i = 0; i < pieces.size; i += 2) {
        sp.split(norm.cps, pieces.a[i], pieces.a[i + 1], next);
      }
      s.piecesNext = pieces;
      pieces = next;
      s.pieces = pieces;
    }
    return pieces;
  }

  /** Added tokens as written, every pre-token of the normalized text in the byte alphabet, then the decoder. */
  @Override
  public String normalForm(String text) {
    Scratch s = scratch.get();
    List<String> tokens = new ArrayList<>();
    added.scan(text, new AddedTokens.Visitor<List<String>>() {
      @Override
      public void segment(String t, int from, int to, List<String> out) {
        IntList pieces = preTokens(t, from, to, s);
        for (int i = 0; i < pieces.size; i += 2) {
          StringBuilder alphabet = new StringBuilder();
          byte[] bytes = new byte[4];
          for (int k = pieces.a[i]; k < pieces.a[i + 1]; k++) {
            for (int b = 0, n = Utf8.encode(s.norm.cps[k], bytes); b < n; b++) {
              alphabet.append((char) BYTE_TO_CHAR[bytes[b] & 0xFF]);
            }
          }
          out.add(alphabet.toString());
        }
      }

      @Override
      public void added(int id, int from, int to, List<String> out) {
        out.add(text.substring(from, to));
      }
    }, tokens);
    return decoder.decode(tokens);
  }

  /**
   * Encoding of one pre-token, {count, ids..., start code point..., end code point...} relative to it, in the
   * returned array from index {@code s.wordAt}: a cache entry or the scratch buffer.
   */
  private int[] word(int[] cps, int from, int to, Scratch s) {
    s.words++;
    if (to - from > CACHE_MAX_WORD) {
      s.longWords++;
      ByteLevelBpe.encode(cps, from, to, this, s);
      s.wordAt = 0;
      return s.word;
    }
    int h = WordCache.hash(cps, from, to);
    int[] cached = s.cache.get(cps, from, to, h);
    if (cached == null) {
      s.misses++;
      int n = ByteLevelBpe.encode(cps, from, to, this, s);
      cached = s.cache.put(cps, from, to, h, s.word, n);
    }
    s.wordAt = WordCache.valueAt(cached);
    return cached;
  }

  /** This thread's word counts since its first call: {pre-tokens, cache misses, pre-tokens too long to cache}. */
  long[] cacheStats() {
    Scratch s = scratch.get();
    return new long[] {s.words, s.misses, s.longWords};
  }

  MergeTable merges() {
    return merges;
  }

  int[] bytePairRanks() {
    return bytePairRanks;
  }

  int byteId(int b) {
    return byteIds[b];
  }

  /** With ignore_merges, a pre-token that is itself in the vocabulary is emitted whole: its id, or -1. */
  int wholeWordId(byte[] bytes, int len) {
    return wholeWords == null ? -1 : wholeWords.get(bytes, len);
  }

  /** Per-thread buffers and word cache. */
  static final class Scratch {
    final WordCache cache = new WordCache(CACHE_ENTRIES);
    final Normalized norm = new Normalized();
    IntList pieces = new IntList(256);
    IntList piecesNext = new IntList(256);
    byte[] bytes = new byte[256];
    int[] byteCp = new int[256];
    // ByteLevelBpe's symbols (a linked list over the bytes of one pre-token) and merge candidates
    int[] sym = new int[0];
    int[] next;
    int[] prev;
    int[] symSize; // bytes per symbol, 0 once merged into its left neighbour
    int[] rankAt;
    long[] heap;
    int[] word = new int[256]; // the encoding of the last pre-token ByteLevelBpe encoded
    int wordAt; // where the current word's encoding starts in the array word() returned
    long words; // pre-tokens seen, cache misses, pre-tokens too long to cache: for measurement harnesses
    long misses;
    long longWords;
    private int[] outIds = new int[256];
    private int[] outStarts = new int[256];
    private int[] outEnds = new int[256];
    private byte[] outFlags = new byte[256];
    private int size;
    private boolean countOnly;

    void symbols(int n) {
      if (sym.length < n) {
        int cap = Math.max(64, Integer.highestOneBit(n) << 1);
        sym = new int[cap];
        next = new int[cap];
        prev = new int[cap];
        symSize = new int[cap];
        rankAt = new int[cap];
        heap = new long[3 * cap]; // the initial pairs plus at most two pushes per merge
      }
    }

    int[] word(int n) {
      if (word.length < n) {
        word = new int[Math.max(n, word.length * 2)];
      }
      return word;
    }

    void reset(boolean countOnly) {
      this.size = 0;
      this.countOnly = countOnly;
    }

    void emit(int id, int start, int end, byte flags) {
      if (countOnly) {
        size++;
        return;
      }
      if (size == outIds.length) {
        int cap = size * 2;
        outIds = java.util.Arrays.copyOf(outIds, cap);
        outStarts = java.util.Arrays.copyOf(outStarts, cap);
        outEnds = java.util.Arrays.copyOf(outEnds, cap);
        outFlags = java.util.Arrays.copyOf(outFlags, cap);
      }
      outIds[size] = id;
      outStarts[size] = start;
      outEnds[size] = end;
      outFlags[size] = flags;
      size++;
    }

    Encoding toEncoding() {
      Encoding e = new Encoding(java.util.Arrays.copyOf(outIds, size), java.util.Arrays.copyOf(outStarts, size),
          java.util.Arrays.copyOf(outEnds, size), java.util.Arrays.copyOf(outFlags, size));
      if (outIds.length > MAX_KEPT) { // one long text must not leave each thread's buffers at its size
        outIds = new int[256];
        outStarts = new int[256];
        outEnds = new int[256];
        outFlags = new byte[256];
        norm.trim();
      }
      return e;
    }
  }

}
