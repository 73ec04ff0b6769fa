package org.tokenometry.udfs.tokenizers;

/**
 * The tokens of one text: parallel primitive arrays, no per-token objects. {@code starts[i]..ends[i]} is the
 * UTF-16 interval of token i in the input (end exclusive). Byte-level BPE reports the same interval for every
 * token of a character whose UTF-8 bytes it split: consumers union intervals, never sum them.
 */
public record Encoding(int[] ids, int[] starts, int[] ends, byte[] flags) {
  public static final byte SPECIAL = 1;
  public static final byte UNKNOWN = 2;
  public static final byte BYTE_FALLBACK = 4;

  public Encoding {
    if (ids.length != starts.length || ids.length != ends.length || ids.length != flags.length) {
      throw new IllegalArgumentException("ids, starts, ends and flags differ in length");
    }
  }

  public int size() {
    return ids.length;
  }

  public boolean is(int token, byte flag) {
    return (flags[token] & flag) != 0;
  }

  public static Encoding empty() {
    return new Encoding(new int[0], new int[0], new int[0], new byte[0]);
  }
}
