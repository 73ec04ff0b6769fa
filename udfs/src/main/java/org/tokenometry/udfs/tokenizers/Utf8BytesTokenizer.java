package org.tokenometry.udfs.tokenizers;

import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.text.Utf8Lossy;

/**
 * Baseline: one token per UTF-8 byte, id = the byte value (vocabulary 256). Every token's interval is the
 * character its byte belongs to, as byte-level BPE reports it, so a 3-byte character is 3 tokens on one span.
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
    int n = count(text);
    int[] ids = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    int t = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int end = i + Character.charCount(cp);
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      for (byte x : b) {
        ids[t] = x & 0xFF;
        starts[t] = i;
        ends[t] = end;
        t++;
      }
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

  private static Vocabulary vocabulary256() {
    String[] pieces = new String[256];
    for (int b = 0; b < 256; b++) {
      pieces[b] = String.format("<0x%02X>", b);
    }
    return new Vocabulary(pieces, new boolean[256], Vocabulary.Marker.NONE);
  }
}
