package org.tokenometry.udfs.tokenizers.pure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Added tokens (special or not) are cut out of the input before normalization, as the Hugging Face engine
 * does even when no special tokens are added: leftmost match first, longest among those starting there.
 */
final class AddedTokens {
  private final String[] contents;
  private final int[] ids;
  // a trie over UTF-16 units: the node each first unit leads to (or -1); per node, its children's units
  // (sorted) and nodes, and the token ending there (or -1). Gemma has 6,000 tokens starting with '<'.
  private final int[] rootChild = new int[65536];
  private final char[][] childUnits;
  private final int[][] childNodes;
  private final int[] tokenAt;
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
    Arrays.fill(rootChild, -1);
    List<TreeMap<Character, Integer>> children = new ArrayList<>();
    List<Integer> ending = new ArrayList<>();
    Set<Character> firsts = new TreeSet<>();
    for (int k = 0; k < contents.length; k++) {
      String c = contents[k];
      firsts.add(c.charAt(0));
      int node = rootChild[c.charAt(0)];
      if (node < 0) {
        node = rootChild[c.charAt(0)] = newNode(children, ending);
      }
      for (int j = 1; j < c.length(); j++) {
        Integer child = children.get(node).get(c.charAt(j));
        if (child == null) {
          child = newNode(children, ending);
          children.get(node).put(c.charAt(j), child);
        }
        node = child;
      }
      if (ending.get(node) < 0) {
        ending.set(node, k); // the same content listed twice: the first one wins
      }
    }
    childUnits = new char[children.size()][];
    childNodes = new int[children.size()][];
    tokenAt = ending.stream().mapToInt(Integer::intValue).toArray();
    for (int node = 0; node < children.size(); node++) {
      TreeMap<Character, Integer> ch = children.get(node);
      childUnits[node] = new char[ch.size()];
      childNodes[node] = new int[ch.size()];
      int i = 0;
      for (Map.Entry<Character, Integer> e : ch.entrySet()) {
        childUnits[node][i] = e.getKey();
        childNodes[node][i++] = e.getValue();
      }
    }
    empty = firsts.isEmpty();
    onlyFirstChar = firsts.size() == 1 ? firsts.iterator().next() : -1;
  }

  private static int newNode(List<TreeMap<Character, Integer>> children, List<Integer> ending) {
    children.add(new TreeMap<>());
    ending.add(-1);
    return children.size() - 1;
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
      int k = longestAt(text, i);
      if (k >= 0) {
        return ((long) i << 32) | k;
      }
      i++;
    }
    return -1;
  }

  /** Index of the longest added token starting at text[i], or -1. */
  private int longestAt(String text, int i) {
    int node = rootChild[text.charAt(i)];
    int best = -1;
    for (int j = i + 1; node >= 0; j++) {
      if (tokenAt[node] >= 0) {
        best = tokenAt[node];
      }
      if (j == text.length()) {
        break;
      }
      int c = Arrays.binarySearch(childUnits[node], text.charAt(j));
      node = c < 0 ? -1 : childNodes[node][c];
    }
    return best;
  }
}
