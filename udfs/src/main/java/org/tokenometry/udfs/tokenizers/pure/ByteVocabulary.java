package org.tokenometry.udfs.tokenizers.pure;

import java.util.Arrays;
import org.tokenometry.udfs.tokenizers.VocabIds;

/**
 * A byte-level vocabulary looked up by a pre-token's UTF-8 bytes, for ignore_merges (a pre-token that is
 * itself a token is emitted whole): one open-addressing table over the tokens' bytes, so the lookup builds
 * no String. Tokens with characters outside the byte alphabet can never equal a pre-token's bytes and are left out.
 */
final class ByteVocabulary {
  private final byte[] arena; // all tokens' bytes, back to back
  private final int[] tokenStart; // per entry: where its bytes start in the arena; entry k ends at tokenStart[k + 1]
  private final int[] tokenId;
  private final int[] slots; // entry index + 1, 0 when empty
  private final int mask;
  // one bit per hash value of ~8 per token, set for every token's hash: most pre-tokens that miss the word
  // cache are not tokens, and a clear bit says so from a table that stays in the CPU's L2
  private final long[] filter;
  private final int filterMask;

  ByteVocabulary(VocabIds vocab, int[] byteToChar) {
    int[] charToByte = new int[512];
    Arrays.fill(charToByte, -1);
    for (int b = 0; b < 256; b++) {
      charToByte[byteToChar[b]] = b;
    }
    byte[] bytes = new byte[1024];
    int used = 0;
    int[] starts = new int[vocab.size() + 1];
    int[] ids = new int[vocab.size()];
    int entries = 0;
    for (int k = 0; k < vocab.size(); k++) {
      String s = vocab.pieceAt(k);
      if (used + s.length() > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + s.length()));
      }
      int n = used;
      boolean ok = !s.isEmpty();
      for (int i = 0; i < s.length() && ok; i++) {
        char c = s.charAt(i);
        ok = c < charToByte.length && charToByte[c] >= 0;
        if (ok) {
          bytes[n++] = (byte) charToByte[c];
        }
      }
      if (ok) {
        starts[entries] = used;
        ids[entries] = vocab.idAt(k);
        entries++;
        used = n;
      }
    }
    starts[entries] = used;
    arena = Arrays.copyOf(bytes, used);
    tokenStart = Arrays.copyOf(starts, entries + 1);
    tokenId = Arrays.copyOf(ids, entries);
    int cap = Integer.highestOneBit(Math.max(16, entries * 2)) << 1;
    slots = new int[cap];
    mask = cap - 1;
    int filterBits = Math.max(64, Integer.highestOneBit(Math.max(1, entries) * 8 - 1) << 1);
    filter = new long[filterBits >>> 6];
    filterMask = filterBits - 1;
    for (int k = 0; k < entries; k++) {
      int h = hash(arena, tokenStart[k], tokenStart[k + 1]);
      int bit = Integer.rotateRight(h, 16) & filterMask;
      filter[bit >>> 6] |= 1L << bit;
      int i = h & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = k + 1;
    }
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0x811C9DC5;
    for (int i = from; i < to; i++) {
      h = (h ^ (b[i] & 0xFF)) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }

  /** Id of the token whose bytes are bytes[0, len), or -1. */
  int get(byte[] bytes, int len) {
    int h = hash(bytes, 0, len);
    int bit = Integer.rotateRight(h, 16) & filterMask;
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return -1;
    }
    int i = h & mask;
    while (true) {
      int k = slots[i] - 1;
      if (k < 0) {
        return -1;
      }
      int s = tokenStart[k];
      if (tokenStart[k + 1] - s == len && Arrays.equals(arena, s, s + len, bytes, 0, len)) {
        return tokenId[k];
      }
      i = (i + 1) & mask;
    }
  }
}
