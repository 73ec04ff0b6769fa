package org.tokenometry.udfs.tokenizers;

import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.text.Utf8Lossy;

/**
 * Baseline: one token per UTF-8 byte, id = the byte value (vocabulary 256). Every token's interval is the
 * character its byte belongs to, as byte-level BPE reports it, so a 3-byte character is 3 tokens on one span.
 * A lone surrogate is one '?' byte, as {@code String.getBytes(UTF_8)} writes it.
 */
public final class Utf8BytesTokenizer implements Tokenizer {
  public static final String NAME = "utf8_bytes";
  private static final Vocabulary VOCAB = vocabulary256();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String type() {
    return "baseline";
  }

  @Override
  public int vocabSize() {
    return 256;
  }

  @Override
  public Vocabulary vocabulary() {
    return VOCAB;
  }

  @Override
  public String tokenString(int id) {
    return VOCAB.piece(id);
  }

  @Override
  public int unkId() {
    return -1;
  }

  @Override
  public int count(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public Encoding encode(String text) {
    return encode(text, 0, text.length());
  }

  /** Any cut between two code points is exact. */
  @Override
  public boolean canCutBefore(String text, int at) {
    return !Character.isLowSurrogate(text.charAt(at)) || !Character.isHighSurrogate(text.charAt(at - 1));
  }

  @Override
  public Encoding encode(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      n += utf8Length(cp);
      i += Character.charCount(cp);
    }
    int[] ids = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    int t = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      int end = i + Character.charCount(cp);
      int len = utf8Length(cp);
      if (len == 1) {
        ids[t] = cp < 0x80 ? cp : '?'; // a lone surrogate
      } else {
        // lead byte, then continuation bytes of six bits each, most significant first
        ids[t] = leadByte(cp, len);
        for (int k = 1; k < len; k++) {
          ids[t + k] = 0x80 | (cp >>> (6 * (len - 1 - k))) & 0x3F;
        }
      }
      for (int k = 0; k < len; k++) {
        starts[t + k] = i;
        ends[t + k] = end;
      }
      t += len;
      i = end;
    }
    return new Encoding(ids, starts, ends, new byte[n]);
  }

  /** The bytes of ids 0..255 read as UTF-8, ill-formed sequences replaced; other ids are skipped. */
  @Override
  public String decode(int[] ids) {
    byte[] bytes = new byte[ids.length];
    int n = 0;
    for (int id : ids) {
      if (id >= 0 && id < 256) {
        bytes[n++] = (byte) id;
      }
    }
    return Utf8Lossy.decode(bytes, n);
  }

  /** The text as its UTF-8 bytes read back: itself, except that a lone surrogate became '?' when encoded. */
  @Override
  public String normalForm(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static int leadByte(int cp, int len) {
    return switch (len) {
      case 2 -> 0xC0 | cp >>> 6;
      case 3 -> 0xE0 | cp >>> 12;
      default -> 0xF0 | cp >>> 18;
    };
  }

  /** UTF-8 bytes of one code point; a lone surrogate is one byte ('?'). */
  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return 1;
    }
    return cp < 0x10000 ? 3 : 4;
  }

  private static Vocabulary vocabulary256() {
    String[] pieces = new String[256];
    for (int b = 0; b < 256; b++) {
      pieces[b] = String.format("<0x%02X>", b);
    }
    return new Vocabulary(pieces, new boolean[256], Vocabulary.Marker.NONE);
  }
}
