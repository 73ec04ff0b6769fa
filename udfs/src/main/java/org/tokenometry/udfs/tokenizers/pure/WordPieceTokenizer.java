package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenometry.udfs.tokenizers.TokenizerJsonFile;
import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * A pure-Java engine for BERT-style WordPiece tokenizer.json files (all-MiniLM, bge-small-zh): the
 * BertNormalizer and BertPreTokenizer ({@link BertNormalizer}), then greedy longest-match-first WordPiece
 * with a continuing-subword prefix ("##"); a word longer than {@code max_input_chars_per_word} code points,
 * or one with a part no piece matches, is a single unknown token over the whole word. Offsets point into
 * the original text even where normalization changed its length. Truncation and padding in the file are
 * ignored, as the reference engine is built without them. Refuses other configurations at load time with an
 * {@link UnsupportedOperationException}. Thread-safe.
 */
public final class WordPieceTokenizer extends TripleEngine<WordPieceTokenizer.Scratch> {
  private final PieceTrie trie;
  private final int continuingRoot; // trie node after the continuing-subword prefix, or -1
  private final int unkId;
  private final int maxChars;
  private final BertNormalizer normalizer;
  private final AddedTokens added;

  WordPieceTokenizer(String name, TokenizerJsonFile file) {
    super(name, file, Scratch::new);
    JsonNode root = file.root();
    JsonNode model = root.path("model");
    if (!model.path("type").asText("").equals("WordPiece")) {
      throw Unsupported.feature("model " + model.path("type").asText("(untyped)"));
    }
    VocabIds ids = file.vocab() != null ? file.vocab() : VocabIds.empty();
    String unk = model.path("unk_token").asText("[UNK]");
    if (ids.get(unk) < 0) {
      throw Unsupported.feature("WordPiece whose unk_token '" + unk + "' is not in the vocabulary");
    }
    unkId = ids.get(unk);
    maxChars = model.path("max_input_chars_per_word").asInt(100);
    trie = new PieceTrie(ids);
    continuingRoot = trie.walk(model.path("continuing_subword_prefix").asText("##"));
    normalizer = normalizer(root.path("normalizer"));
    JsonNode pre = root.path("pre_tokenizer");
    if (!pre.path("type").asText("").equals("BertPreTokenizer")) {
      throw Unsupported.feature("pre_tokenizer " + (pre.isNull() || pre.isMissingNode() ? "(none)"
          : pre.path("type").asText("(untyped)")) + " with WordPiece");
    }
    checkPostProcessor(root.path("post_processor"));
    List<AddedTokens.Token> addedTokens = new ArrayList<>();
    for (JsonNode a : root.path("added_tokens")) {
      for (String flag : new String[] {"lstrip", "rstrip", "single_word", "normalized"}) {
        if (a.path(flag).asBoolean(false)) {
          throw Unsupported.feature("added token '" + a.path("content").asText() + "' with " + flag);
        }
      }
      addedTokens.add(new AddedTokens.Token(a.path("content").asText(), a.path("id").asInt()));
    }
    added = new AddedTokens(addedTokens);
  }

  public static WordPieceTokenizer load(String name, Path tokenizerJson) {
    return build(name, tokenizerJson, readJson(name, tokenizerJson), WordPieceTokenizer::new);
  }

  /** Only a lone BertNormalizer; strip_accents null means "as lowercase", as in the reference engine. */
  private static BertNormalizer normalizer(JsonNode n) {
    if (!n.path("type").asText("").equals("BertNormalizer")) {
      throw Unsupported.feature("normalizer " + (n.isNull() || n.isMissingNode() ? "(none)"
          : n.path("type").asText("(untyped)")) + " with WordPiece");
    }
    boolean lowercase = n.path("lowercase").asBoolean(true);
    JsonNode strip = n.path("strip_accents");
    boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
    return new BertNormalizer(n.path("clean_text").asBoolean(true), n.path("handle_chinese_chars").asBoolean(true),
        stripAccents, lowercase);
  }

  /** The BERT post-processors add [CLS]/[SEP] only when asked to, which this project never does. */
  private static void checkPostProcessor(JsonNode p) {
    String type = p.path("type").asText("");
    if (p.isNull() || p.isMissingNode() || type.equals("TemplateProcessing") || type.equals("BertProcessing")) {
      return;
    }
    throw Unsupported.feature("post_processor " + type + " with WordPiece");
  }

  @Override
  AddedTokens addedTokens() {
    return added;
  }

  /**
   * A cut before or after a space or line feed: the normalizer works one character at a time and the
   * pre-tokenizer ends a word at every whitespace character, so both sides split as in the whole (unless an added
   * token holds the two characters side by side).
   */
  @Override
  public boolean canCutBefore(String text, int at) {
    char c = text.charAt(at);
    char before = text.charAt(at - 1);
    return (c == ' ' || c == '\n' || before == ' ' || before == '\n') && added.neverAcross(text, at);
  }

  /** Normalizes and pre-tokenizes text[from, to) one code point at a time, encoding each word as it ends. */
  @Override
  void segment(String text, int from, int to, Scratch s) {
    BertNormalizer norm = normalizer;
    s.clearWord();
    for (int i = from; i < to; ) {
      char ch = text.charAt(i);
      if (!Character.isSurrogate(ch)) {
        switch (norm.kind(ch)) {
          case BertNormalizer.WORD -> s.append(norm.single(ch), i, i + 1);
          case BertNormalizer.SPACE -> endWord(s);
          case BertNormalizer.DROP -> { }
          case BertNormalizer.ISOLATED -> {
            endWord(s);
            s.append(norm.single(ch), i, i + 1);
            endWord(s);
          }
          case BertNormalizer.MULTI -> expanded(norm.multi(ch), false, i, i + 1, s);
          default -> expanded(norm.multi(ch), true, i, i + 1, s);
        }
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < 0x10000) { // an unpaired surrogate
        expanded(new int[] {cp}, false, i, next, s);
      } else {
        expanded(norm.expansion(cp), norm.isolated(cp), i, next, s);
      }
      i = next;
    }
    endWord(s);
  }

  /** The code points one original character [start, end) normalized to, each split as the pre-tokenizer does. */
  private void expanded(int[] cps, boolean isolated, int start, int end, Scratch s) {
    if (isolated) {
      endWord(s);
    }
    for (int c : cps) {
      if (BertNormalizer.isWhitespace(c)) {
        endWord(s);
      } else if (BertNormalizer.isPunctuation(c)) {
        endWord(s);
        s.append(c, start, end);
        endWord(s);
      } else {
        s.append(c, start, end);
      }
    }
    if (isolated) {
      endWord(s);
    }
  }

  /** The normalized words as pieces (added tokens as written), decoded: what a vocabulary of every word gives. */
  @Override
  public String normalForm(String text) {
    Scratch s = new Scratch();
    s.words = new ArrayList<>();
    addedTokens().scan(text, new AddedTokens.Visitor<Scratch>() {
      @Override
      public void segment(String t, int from, int to, Scratch sc) {
        WordPieceTokenizer.this.segment(t, from, to, sc);
      }

      @Override
      public void added(int id, int from, int to, Scratch sc) {
        sc.words.add(text.substring(from, to));
      }
    }, s);
    return decoder.decode(s.words);
  }

  /** WordPiece over the buffered word: longest vocabulary piece first, "##" pieces after the first. */
  private void endWord(Scratch s) {
    int len = s.wordLen;
    if (len == 0) {
      return;
    }
    if (s.words != null) {
      s.words.add(new String(s.word, 0, len));
      s.clearWord();
      return;
    }
    char[] w = s.word;
    int[] os = s.origStart;
    int[] oe = s.origEnd;
    if (s.wordCodePoints > maxChars) {
      s.emit(unkId, os[0], oe[len - 1]);
      s.clearWord();
      return;
    }
    int mark = s.out.size;
    int start = 0;
    while (start < len) {
      int node = start == 0 ? PieceTrie.ROOT : continuingRoot;
      int bestEnd = -1;
      int bestId = -1;
      for (int i = start; i < len && node >= 0; i++) {
        node = trie.child(node, w[i]);
        if (node >= 0 && trie.id(node) >= 0) {
          bestEnd = i + 1;
          bestId = trie.id(node);
        }
      }
      if (bestId < 0) { // one unmatched part makes the whole word unknown
        s.out.size = mark;
        s.emit(unkId, os[0], oe[len - 1]);
        s.clearWord();
        return;
      }
      s.emit(bestId, os[start], oe[bestEnd - 1]);
      start = bestEnd;
    }
    s.clearWord();
  }

  static final class Scratch extends TripleEngine.Scratch {
    char[] word = new char[64];
    int[] origStart = new int[64];
    int[] origEnd = new int[64];
    int wordLen;
    int wordCodePoints;
    List<String> words; // when set, words are collected here instead of encoded ({@link #normalForm})

    void clearWord() {
      wordLen = 0;
      wordCodePoints = 0;
    }

    /** Appends a normalized code point aligned to the original text [start, end). */
    void append(int cp, int start, int end) {
      if (wordLen + 2 > word.length) {
        int cap = word.length * 2;
        word = java.util.Arrays.copyOf(word, cap);
        origStart = java.util.Arrays.copyOf(origStart, cap);
        origEnd = java.util.Arrays.copyOf(origEnd, cap);
      }
      if (cp < 0x10000) {
        word[wordLen] = (char) cp;
        origStart[wordLen] = start;
        origEnd[wordLen++] = end;
      } else {
        word[wordLen] = Character.highSurrogate(cp);
        origStart[wordLen] = start;
        origEnd[wordLen++] = end;
        word[wordLen] = Character.lowSurrogate(cp);
        origStart[wordLen] = start;
        origEnd[wordLen++] = end;
      }
      wordCodePoints++;
    }
  }
}
