package org.tokenometry.udfs.tokenizers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * A BPE model's merges in rank order, as the file wrote them: "a b" (one string), ["a", "b"] (two strings), or
 * any other JSON value, kept as its tree for the engine to read (and refuse) as it reads a tree.
 */
public final class MergeList {
  private String[] first = new String[1024];
  private String[] second = new String[1024]; // null for the "a b" form
  private JsonNode[] other = new JsonNode[1024]; // the entry's tree when it is neither form
  private int size;

  MergeList() {}

  /** The entries of a merges value that was left in the tree (not an array: iterated as a tree iterates). */
  static MergeList of(JsonNode merges) {
    MergeList list = new MergeList();
    for (JsonNode m : merges) {
      list.addOther(m);
    }
    return list;
  }

  void addText(String merge) {
    add(merge, null, null);
  }

  void addPair(String left, String right) {
    add(left, right, null);
  }

  void addOther(JsonNode entry) {
    add(null, null, entry);
  }

  private void add(String a, String b, JsonNode node) {
    if (size == first.length) {
      first = Arrays.copyOf(first, size * 2);
      second = Arrays.copyOf(second, size * 2);
      other = Arrays.copyOf(other, size * 2);
    }
    first[size] = a;
    second[size] = b;
    other[size] = node;
    size++;
  }

  public int size() {
    return size;
  }

  /** The merge as one "a b" string, or null when it is written otherwise. */
  public String text(int rank) {
    return other[rank] == null && second[rank] == null ? first[rank] : null;
  }

  /** Left part of a ["a", "b"] merge, or null when it is written otherwise. */
  public String pairLeft(int rank) {
    return second[rank] != null ? first[rank] : null;
  }

  public String pairRight(int rank) {
    return second[rank];
  }

  /** The entry's tree when it is neither "a b" nor ["a", "b"], else null. */
  public JsonNode other(int rank) {
    return other[rank];
  }
}
