package org.tokenometry.udfs.tokenizers.java;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Added tokens (special or not) are cut out of the input before normalization, as the Hugging Face engine
 * does even when no special tokens are added: leftmost match first, longest among those starting there.
 */
final class AddedTokens {
  private final String[] contents;
  private final int[] ids;
  private final int[][] byFirstChar; // indices of the tokens starting with each UTF-16 unit, longest first
  /** The first UTF-16 unit of every added token when they all share one (as '<' in most files), else -1. */
  private final int onlyFirstChar;
  private final boolean empty;

  record Token(String content, int id) {}

  /** Receives a text cut into plain segments (to encode) and added tokens (emitted as they are), in order. */
  interface Visitor<S> {
    void segment(String text, int from, int to, S state);

    void added(int id, int from, int to, S state);
  }

  AddedTokens(List<Token> tokens) {
    List<Token> kept = tokens.stream().filter(t -> !t.content().isEmpty()).toList();
    contents = kept.stream().map(Token::content).toArray(String[]::new);
    ids = kept.stream().mapToInt(Token::id).toArray();
    Map<Character, List<Integer>> buckets = new TreeMap<>();
    for (int k = 0; k < contents.length; k++) {
      buckets.computeIfAbsent(contents[k].charAt(0), c -> new ArrayList<>()).add(k);
    }
    byFirstChar = new int[65536][];
    for (Map.Entry<Character, List<Integer>> b : buckets.entrySet()) {
      byFirstChar[b.getKey()] = b.getValue().stream()
          .sorted(Comparator.comparingInt((Integer k) -> contents[k].length()).reversed())
          .mapToInt(Integer::intValue).toArray();
    }
    empty = buckets.isEmpty();
    onlyFirstChar = buckets.size() == 1 ? buckets.keySet().iterator().next() : -1;
  }

  boolean isEmpty() {
    return empty;
  }

  /** Cuts {@code text} at its added tokens and hands the pieces to {@code visitor}, left to right. */
  <S> void scan(String text, Visitor<S> visitor, S state) {
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      long hit = find(text, pos);
      int start = hit < 0 ? n : (int) (hit >>> 32);
      if (start > pos) {
        visitor.segment(text, pos, start, state);
      }
      if (hit < 0) {
        break;
      }
      int k = (int) hit;
      pos = start + contents[k].length();
      visitor.added(ids[k], start, pos, state);
    }
  }

  /** The first added token at or after {@code from}: (start << 32 | its index in the token arrays), or -1. */
  private long find(String text, int from) {
    if (empty) {
      return -1;
    }
    int n = text.length();
    int i = from;
    while (i < n) {
      // with one first character, String.indexOf (vectorized) skips the text between candidates
      if (onlyFirstChar >= 0) {
        i = text.indexOf(onlyFirstChar, i);
        if (i < 0) {
          return -1;
        }
      }
      int[] cands = byFirstChar[text.charAt(i)];
      if (cands != null) {
        for (int k : cands) {
          if (text.startsWith(contents[k], i)) {
            return ((long) i << 32) | k;
          }
        }
      }
      i++;
    }
    return -1;
  }
}
