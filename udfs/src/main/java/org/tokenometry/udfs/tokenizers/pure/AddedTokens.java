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
  /** Every two adjacent UTF-16 units inside an added token, as (first << 16 | second), sorted. */
  private final int[] innerPairs;
  /** The last UTF-16 unit of every added token, sorted. */
  private final char[] lastUnits;

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
    TreeSet<Integer> pairs = new TreeSet<>();
    TreeSet<Character> lasts = new TreeSet<>();
    for (String c : contents) {
      for (int j = 1; j < c.length(); j++) {
        pairs.add(c.charAt(j - 1) << 16 | c.charAt(j));
      }
      lasts.add(c.charAt(c.length() - 1));
    }
    innerPairs = pairs.stream().mapToInt(Integer::intValue).toArray();
    lastUnits = new char[lasts.size()];
    int i = 0;
    for (char c : lasts) {
      lastUnits[i++] = c;
    }
  }

  /**
   * Whether no added token can contain both {@code text[at - 1]} and {@code text[at]}: then no occurrence crosses
   * {@code at}, and scanning {@code text[..at)} and {@code text[at..)} apart finds exactly the whole's occurrences
   * (a leftmost-longest scan only differs where the whole's scan matched across the cut).
   */
  boolean neverAcross(String text, int at) {
    return Arrays.binarySearch(innerPairs, text.charAt(at - 1) << 16 | text.charAt(at)) < 0;
  }

  /** Whether no added token ends with the UTF-16 unit {@code c}. */
  boolean noneEndsWith(char c) {
    return Arrays.binarySearch(lastUnits, c) < 0;
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
    scan(text, 0, text.length(), visitor, state);
  }

  /** {@link #scan} over {@code text[from, to)} alone (offsets still index {@code text}). */
  <S> void scan(String text, int from, int to, Visitor<S> visitor, S state) {
    int pos = from;
    int n = to;
    while (pos < n) {
      long hit = find(text, pos, n);
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
  private long find(String text, int from, int n) {
    if (empty) {
      return -1;
    }
    int i = from;
    while (i < n) {
      // with one first character, String.indexOf (vectorized) skips the text between candidates
      if (onlyFirstChar >= 0) {
        i = indexOf(text, (char) onlyFirstChar, i, n);
        if (i < 0) {
          return -1;
        }
      }
      int k = longestAt(text, i, n);
      if (k >= 0) {
        return ((long) i << 32) | k;
      }
      i++;
    }
    return -1;
  }

  /** The first {@code c} in {@code text[from, n)}, or -1; a piece's search never runs past its end. */
  private static int indexOf(String text, char c, int from, int n) {
    if (n == text.length()) {
      return text.indexOf(c, from);
    }
    for (int i = from; i < n; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the longest added token starting at text[i], or -1. */
  private int longestAt(String text, int i, int n) {
    int node = rootChild[text.charAt(i)];
    int best = -1;
    for (int j = i + 1; node >= 0; j++) {
      if (tokenAt[node] >= 0) {
        best = tokenAt[node];
      }
      if (j == n) {
        break;
      }
      int c = Arrays.binarySearch(childUnits[node], text.charAt(j));
      node = c < 0 ? -1 : childNodes[node][c];
    }
    return best;
  }
}
