package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;
import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * A pure-Java engine for SentencePiece-style BPE tokenizer.json files (Mistral/Llama 2, Gemma, Gemini):
 * spaces become U+2581 (optionally one is prepended to each segment), the whole segment is one BPE word
 * over characters, and characters missing from the vocabulary fall back to their UTF-8 byte tokens
 * {@code <0xNN>}. Reproduces the Hugging Face engine's ids and offsets; refuses other configurations at load
 * time with an {@link UnsupportedOperationException}. Thread-safe.
 *
 * <p>A sentence is one BPE word here, so merging it whole costs a heap operation per character and nothing can
 * be cached. But when no merge joins a token ending in a character c to a token starting with the space
 * symbol (checked at load, per c), no merge can ever cross the point between c and a following space symbol:
 * the first merge to cross it would have to join exactly such a pair. The normalized text is cut at those
 * points and each piece merged on its own, in the same rank order, with a per-thread cache of piece encodings.
 * The result is the same as merging the whole; the pieces are words, so they repeat.
 */
public final class SentencePieceBpeTokenizer extends TripleEngine<SentencePieceBpeTokenizer.Scratch> {

  private static final int CACHE_ENTRIES = 1 << 16;
  private static final int CACHE_MAX_PIECE = 64; // code points; longer pieces (unspaced scripts) are not cached

  private final Map<Integer, Integer> astralIds = new HashMap<>(); // code point → id, single-character tokens
  private final int[] bmpIds = new int[0x10000]; // the same for the BMP, -1 when none
  private final int[] byteIds = new int[256];
  private final int unkId;
  private final boolean fuseUnk;
  private final MergeTable merges;
  private final SpaceSymbolNormalizer normalizer;
  private final int space; // code point spaces become
  private final boolean cuttable; // pieces may be merged separately (class comment)
  private final MergeSeams seams; // (last character, first character) of every merge's two tokens
  private final AddedTokens added;

  SentencePieceBpeTokenizer(String name, TokenizerJsonFile file) {
    super(name, file, Scratch::new);
    JsonNode root = file.root();
    JsonNode model = root.path("model");
    if (!model.path("type").asText("").equals("BPE")) {
      throw Unsupported.feature("model " + model.path("type").asText("(untyped)"));
    }
    if (!model.path("byte_fallback").asBoolean(false)) {
      throw Unsupported.feature("character BPE without byte_fallback");
    }
    if (!model.path("dropout").isNull() && !model.path("dropout").isMissingNode()) {
      throw Unsupported.feature("BPE dropout");
    }
    if (model.path("ignore_merges").asBoolean(false)) {
      throw Unsupported.feature("character BPE with ignore_merges");
    }
    for (String affix : new String[] {"continuing_subword_prefix", "end_of_word_suffix"}) {
      if (!model.path(affix).asText("").isEmpty()) {
        throw Unsupported.feature("BPE " + affix);
      }
    }
    VocabIds ids = file.vocab() != null ? file.vocab() : VocabIds.empty();
    List<AddedTokens.Token> addedTokens = new ArrayList<>();
    for (JsonNode a : root.path("added_tokens")) {
      for (String flag : new String[] {"lstrip", "rstrip", "single_word", "normalized"}) {
        if (a.path(flag).asBoolean(false)) {
          throw Unsupported.feature("added token '" + a.path("content").asText() + "' with " + flag);
        }
      }
      addedTokens.add(new AddedTokens.Token(a.path("content").asText(), a.path("id").asInt()));
    }
    JsonNode unk = model.path("unk_token");
    unkId = unk.isTextual() ? ids.get(unk.asText()) : -1;
    fuseUnk = model.path("fuse_unk").asBoolean(false);
    for (int b = 0; b < 256; b++) {
      byteIds[b] = ids.get(String.format("<0x%02X>", b)); // -1: a character with a missing byte token becomes unknown
    }
    java.util.Arrays.fill(bmpIds, -1);
    ids.forEach((s, id) -> {
      if (s.codePointCount(0, s.length()) == 1) {
        int cp = s.codePointAt(0);
        if (cp < bmpIds.length) {
          bmpIds[cp] = id;
        } else {
          astralIds.put(cp, id);
        }
      }
    });
    normalizer = SpaceSymbolNormalizer.of(root.path("normalizer"));
    space = normalizer.space;
    seams = new MergeSeams();
    merges = MergeTable.load(file.merges(), ids, seams);
    // Cutting needs the space symbol to be a token, so a piece starts with that token, and no character to be
    // dropped (no unknown token and a byte token missing): the offsets after a dropped one shift, piece or not.
    boolean dropsNone = true;
    for (int b = 0; b < 256; b++) {
      dropsNone &= byteIds[b] >= 0 || b < 0x80 && idOf(b) >= 0; // Gemini lacks <0x09> but has a tab token
    }
    dropsNone |= unkId >= 0;
    cuttable = dropsNone && idOf(space) >= 0;
    seams.seal(space);
    SpaceSymbolNormalizer.checkPreTokenizer(root.path("pre_tokenizer"));
    PostProcessors.check(root.path("post_processor"));
    added = new AddedTokens(addedTokens);
  }

  public static SentencePieceBpeTokenizer load(String name, Path tokenizerJson) {
    return build(name, tokenizerJson, readJson(name, tokenizerJson), SentencePieceBpeTokenizer::new);
  }

  @Override
  AddedTokens addedTokens() {
    return added;
  }

  private int idOf(int cp) {
    if (cp < 0x10000) {
      return bmpIds[cp];
    }
    Integer id = astralIds.get(cp);
    return id == null ? -1 : id;
  }

  /**
   * A cut between two characters (a space or line feed on one side) where no merge can cross: each character is
   * one symbol, its own token or (byte fallback) its UTF-8 byte tokens, never dropped or fused into an unknown
   * token, and no merge joins a token ending like the left symbol to a token starting like the right one (the
   * first merge to cross the cut would have to join exactly such a pair: two characters, or a byte token when
   * any merge takes byte tokens at all). No added token may hold the two characters side by side, and when a
   * space is prepended to each segment, none may end with the left one, so the cut never starts a segment.
   */
  @Override
  public boolean canCutBefore(String text, int at) {
    if (!cuttable) {
      return false;
    }
    int a = text.codePointBefore(at);
    int b = text.codePointAt(at);
    if (a == ' ' || (b != ' ' && b != '\n' && a != '\n')) {
      return false;
    }
    int left = a;
    int right = b == ' ' ? space : b;
    boolean leftChar = idOf(left) >= 0;
    boolean rightChar = idOf(right) >= 0;
    if (!leftChar && (seams.bytesMerge || byteIds[Utf8.lastByte(left)] < 0)
        || !rightChar && (seams.bytesMerge || byteIds[Utf8.firstByte(right)] < 0)) {
      return false;
    }
    return (!leftChar || !rightChar || !seams.joins(left, right)) && added.neverAcross(text, at)
        && (normalizer.prepend < 0 || added.noneEndsWith(text.charAt(at - 1)));
  }

  /** Whether a piece starts at normalized position i (i > 0): see the class comment. */
  private boolean cutBefore(int[] cps, int i) {
    int left = cps[i - 1];
    return cps[i] == space && left != space && idOf(left) >= 0
        && java.util.Arrays.binarySearch(seams.beforeSpace, left) < 0;
  }

  /** Normalizes text[from, to), cuts it into pieces where that is exact, and merges each piece. */
  @Override
  void segment(String text, int from, int to, Scratch s) {
    Normalized norm = s.norm;
    normalizer.normalize(text, from, to, from != s.continued, norm);
    int n = norm.size;
    if (!cuttable) {
      piece(norm, 0, n, s);
      return;
    }
    int start = 0;
    for (int i = 1; i < n; i++) {
      if (cutBefore(norm.cps, i)) {
        piece(norm, start, i, s);
        start = i;
      }
    }
    piece(norm, start, n, s);
  }

  /** Added tokens as written and each normalized segment as one piece (there is no pre-tokenizer), decoded. */
  @Override
  public String normalForm(String text) {
    List<String> tokens = new ArrayList<>();
    Normalized norm = new Normalized();
    addedTokens().scan(text, new AddedTokens.Visitor<List<String>>() {
      @Override
      public void segment(String t, int from, int to, List<String> out) {
        normalizer.normalize(t, from, to, true, norm);
        out.add(new String(norm.cps, 0, norm.size));
      }

      @Override
      public void added(int id, int from, int to, List<String> out) {
        out.add(text.substring(from, to));
      }
    }, tokens);
    return decoder.decode(tokens);
  }

  /** Emits the tokens of normalized positions [from, to), from the cache when the piece is short. */
  private void piece(Normalized norm, int from, int to, Scratch s) {
    int[] word;
    int o;
    if (!cuttable || to - from > CACHE_MAX_PIECE) {
      merge(norm.cps, from, to, s);
      word = s.word.a;
      o = 0;
    } else {
      int h = WordCache.hash(norm.cps, from, to);
      word = s.cache.get(norm.cps, from, to, h);
      if (word == null) {
        merge(norm.cps, from, to, s);
        word = s.cache.put(norm.cps, from, to, h, s.word.a, s.word.size);
      }
      o = WordCache.valueAt(word);
    }
    int count = word[o];
    for (int k = 0; k < count; k++) {
      s.emit(word[o + 1 + k], norm.origStart[from + word[o + 1 + count + k]],
          norm.origEnd[from + word[o + 1 + 2 * count + k] - 1]);
    }
  }

  /**
   * BPE over cps[from, to): one symbol per character (or per byte of a character without a token), then the
   * lowest-ranked adjacent pair first, leftmost on ties. Writes {count, ids..., start..., end...} into
   * {@code s.word}, positions relative to {@code from}, end exclusive.
   */
  private void merge(int[] cps, int from, int to, Scratch s) {
    IntList sym = s.sym;
    IntList len = s.symLen; // byte length of each symbol; offsets are cumulative, as in the HF Word
    IntList byteToCp = s.byteToCp;
    sym.clear();
    len.clear();
    byteToCp.clear();
    int unk = 0; // pending unknown bytes (fused), added before the next known character or at the end
    for (int i = from; i < to; i++) {
      int cp = cps[i];
      int blen = Utf8.encode(cp, s.bytes);
      for (int b = 0; b < blen; b++) {
        byteToCp.add(i - from);
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
    if (m <= LinearBpe.MAX_SYMBOLS) {
      linear(m, len, byteToCp, s);
      return;
    }
    int[] next = s.ints(0, m);
    int[] prev = s.ints(1, m);
    int[] bytes = s.ints(2, m); // byte length of each (merged) symbol, 0 once merged into its left neighbour
    int[] rankAt = s.ints(3, m); // rank of the pair (i, next[i]) while i starts a live symbol, else -1
    long[] heap = s.heap(m);
    int heapSize = 0;
    for (int i = 0; i < m; i++) {
      next[i] = i + 1 < m ? i + 1 : -1;
      prev[i] = i - 1;
      bytes[i] = len.a[i];
      int r = i + 1 < m ? merges.rankOf(ids[i], ids[i + 1]) : -1;
      rankAt[i] = r;
      if (r >= 0) {
        heapSize = Heap.push(heap, heapSize, ((long) r << 32) | i);
      }
    }
    int count = m - HeapBpe.merge(ids, next, prev, bytes, rankAt, heap, heapSize, merges);
    IntList word = s.word;
    word.clear();
    word.add(count);
    for (int i = 0; i >= 0; i = next[i]) { // m > LinearBpe.MAX_SYMBOLS: never empty
      word.add(ids[i]);
    }
    for (int pass = 0; pass < 2; pass++) {
      int offset = 0;
      for (int i = 0; i >= 0; i = next[i]) {
        int end = Math.min(offset + bytes[i], byteToCp.size);
        word.add(pass == 0 ? byteToCp.a[Math.min(offset, byteToCp.size - 1)] : byteToCp.a[end - 1] + 1);
        offset += bytes[i];
      }
    }
  }

  /** {@link #merge}'s output for few symbols, through {@link LinearBpe}'s loop. */
  private void linear(int m, IntList len, IntList byteToCp, Scratch s) {
    int[] ids = s.sym.a;
    int[] start = s.ints(0, m); // byte where each symbol starts, cumulative as in the HF Word
    int[] rank = s.ints(1, m);
    for (int i = 0, offset = 0; i < m; i++) {
      start[i] = offset;
      offset += len.a[i];
      rank[i] = i + 1 < m ? LinearBpe.rankOrNone(merges, ids[i], ids[i + 1]) : LinearBpe.NONE;
    }
    int total = m == 0 ? 0 : start[m - 1] + len.a[m - 1];
    int n = LinearBpe.merge(ids, start, rank, m, merges);
    IntList word = s.word;
    word.clear();
    word.add(n);
    for (int k = 0; k < n; k++) {
      word.add(ids[k]);
    }
    for (int k = 0; k < n; k++) {
      word.add(byteToCp.a[Math.min(start[k], byteToCp.size - 1)]);
    }
    for (int k = 0; k < n; k++) {
      int end = Math.min(k + 1 < n ? start[k + 1] : total, byteToCp.size);
      word.add(byteToCp.a[end - 1] + 1);
    }
  }

  static final class Scratch extends TripleEngine.Scratch {
    final Normalized norm = new Normalized();

    @Override
    void trim() {
      norm.trim();
    }

    final IntList sym = new IntList(256);
    final IntList symLen = new IntList(256);
    final IntList byteToCp = new IntList(1024);
    final IntList word = new IntList(256); // the encoding of the last piece merged
    final WordCache cache = new WordCache(CACHE_ENTRIES);
    final byte[] bytes = new byte[4];
    private final int[][] ints = new int[4][256];
    private long[] heap = new long[512];

    int[] ints(int k, int n) {
      if (ints[k].length < n) {
        ints[k] = new int[Math.max(n, ints[k].length * 2)];
      }
      return ints[k];
    }

    /** Pushes: the initial pairs plus at most two per merge, so 3n bounds the heap. */
    long[] heap(int n) {
      if (heap.length < 3 * n + 4) {
        heap = new long[3 * n + 4];
      }
      return heap;
    }
  }
}
