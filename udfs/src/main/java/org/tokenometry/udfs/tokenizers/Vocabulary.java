package org.tokenometry.udfs.tokenizers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The pieces of a tokenizer's vocabulary and how to read them back as text. Model files store pieces in an
 * encoded form: byte-level BPE maps each byte to a printable character (GPT-2's table, space = {@code Ġ}),
 * SentencePiece-style models write spaces as {@code ▁} and unknown bytes as {@code <0xNN>}, WordPiece marks
 * word-inner pieces with {@code ##}. {@link #bytes(int)} undoes that encoding.
 */
public final class Vocabulary implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));
  /** GPT-2's bytes_to_unicode, inverted: printable char -> byte (-1 when the char is not in the table). */
  private static final int[] BYTE_OF_CHAR = byteLevelTable();

  /** How the model marks a word start (or, for WordPiece, a word continuation). */
  public enum Marker { BYTE_LEVEL_SPACE, METASPACE, WORDPIECE_CONTINUATION, NONE }

  private final String[] pieces;
  private final boolean[] special;
  private final Marker marker;

  public Vocabulary(String[] pieces, boolean[] special, Marker marker) {
    this.pieces = pieces;
    this.special = special;
    this.marker = marker;
  }

  /** One past the largest id (ids may have gaps: o200k's file leaves 200000..200017 unassigned). */
  public int size() {
    return pieces.length;
  }

  /** The number of ids that have a piece: the vocabulary size proper. */
  public int assigned() {
    int n = 0;
    for (String p : pieces) {
      n += p != null ? 1 : 0;
    }
    return n;
  }

  public String piece(int id) {
    return id >= 0 && id < pieces.length ? pieces[id] : null;
  }

  public boolean isSpecial(int id) {
    return id >= 0 && id < special.length && special[id];
  }

  public Marker marker() {
    return marker;
  }

  /** The byte value of a {@code <0xNN>} piece, or -1. */
  public static int byteFallbackValue(String piece) {
    if (piece == null) {
      return -1;
    }
    // <0xNN>, checked by hand: this runs for every piece of 200k-token vocabularies in every run
    if (piece.length() != 6 || !piece.startsWith("<0x") || piece.charAt(5) != '>') {
      return -1;
    }
    int hi = hexDigit(piece.charAt(3));
    int lo = hexDigit(piece.charAt(4));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  /** ASCII hex only (Character.digit would also accept e.g. Arabic-Indic digits). */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** The UTF-8 bytes a piece stands for (space markers become a space; {@code ##} is kept). */
  public byte[] bytes(int id) {
    String p = piece(id);
    if (p == null) {
      return new byte[0];
    }
    int b = byteFallbackValue(p);
    if (b >= 0) {
      return new byte[] {(byte) b};
    }
    if (marker == Marker.BYTE_LEVEL_SPACE && !special[id]) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(p.length());
      for (int i = 0; i < p.length(); ) {
        int cp = p.codePointAt(i);
        i += Character.charCount(cp);
        int v = cp < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[cp] : -1;
        if (v >= 0) {
          out.write(v);
        } else { // added tokens are stored as plain text
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
      }
      return out.toByteArray();
    }
    String s = marker == Marker.METASPACE ? p.replace('\u2581', ' ') : p;
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The text of a piece, or null when its bytes are not complete UTF-8 (a byte-level partial character). */
  public String text(int id) {
    byte[] b = bytes(id);
    try {
      return STRICT_UTF8.get().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** A readable form for reports: the text, or the piece itself when it is a partial character. */
  public String display(int id) {
    String t = text(id);
    return t != null ? t : piece(id);
  }

  /** Whether the piece starts with the model's word-start marker (a space after decoding). */
  public boolean isWordInitial(int id) {
    String p = piece(id);
    if (p == null || p.isEmpty() || special[id]) {
      return false;
    }
    return switch (marker) {
      case BYTE_LEVEL_SPACE -> p.charAt(0) == '\u0120' || p.charAt(0) == ' ';
      case METASPACE -> p.charAt(0) == '\u2581' || p.charAt(0) == ' ';
      // WordPiece has no start marker: every piece without "##" begins a word
      case WORDPIECE_CONTINUATION -> !p.startsWith("##");
      case NONE -> p.charAt(0) == ' ';
    };
  }

  /** The word a piece spells, for lexicon look-ups: markers and surrounding spaces removed, lower-cased. */
  public String lexiconForm(int id) {
    String t = text(id);
    if (t == null) {
      return null;
    }
    if (marker == Marker.WORDPIECE_CONTINUATION && t.startsWith("##")) {
      t = t.substring(2);
    }
    return t.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static int[] byteLevelTable() {
    int[] byteOf = new int[512];
    java.util.Arrays.fill(byteOf, -1);
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      if (printable) {
        byteOf[b] = b;
      } else {
        byteOf[256 + n] = b;
        n++;
      }
    }
    return byteOf;
  }
}
