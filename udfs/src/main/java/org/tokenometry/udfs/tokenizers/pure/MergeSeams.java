package org.tokenometry.udfs.tokenizers.pure;

/**
 * The (last character of the left token, first character of the right token) of every merge, collected while
 * the merges load: a merge can only cross the point between two characters if it joins such a pair. A byte
 * token or the unknown token shows up by its '<' or '>' (characters without a token of their own are never
 * cut next to anyway). SentencePieceBpeTokenizer uses them to decide where no merge can cross.
 */
final class MergeSeams implements MergeTable.Parts {
  private long[] pairs = new long[1024];
  private int n;
  /** Whether any merge takes a byte token ({@code <0xNN>}) on either side. */
  boolean bytesMerge;
  /** The last characters of left tokens joined to a right token starting with the space symbol, sorted: a
   * small array, since the engine asks at every space of every text. */
  int[] beforeSpace;

  @Override
  public void accept(String left, int leftEnd, String right, int rightFrom) {
    if (leftEnd == 0 || rightFrom >= right.length()) {
      return;
    }
    bytesMerge |= isByteToken(left, 0, leftEnd) || isByteToken(right, rightFrom, right.length());
    if (n == pairs.length) {
      pairs = java.util.Arrays.copyOf(pairs, n * 2);
    }
    pairs[n++] = (long) left.codePointBefore(leftEnd) << 32 | right.codePointAt(rightFrom);
  }

  private static boolean isByteToken(String s, int from, int to) {
    return to - from == 6 && s.startsWith("<0x", from) && s.charAt(to - 1) == '>';
  }

  void seal(int space) {
    long[] sorted = java.util.Arrays.copyOf(pairs, n);
    java.util.Arrays.sort(sorted);
    pairs = java.util.Arrays.stream(sorted).distinct().toArray();
    n = pairs.length;
    beforeSpace = java.util.Arrays.stream(pairs).filter(p -> (int) p == space).mapToInt(p -> (int) (p >>> 32))
        .filter(c -> c != space).sorted().distinct().toArray();
  }

  boolean joins(int last, int first) {
    return java.util.Arrays.binarySearch(pairs, (long) last << 32 | first) >= 0;
  }
}
