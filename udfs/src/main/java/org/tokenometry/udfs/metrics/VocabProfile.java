package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * The make-up of a vocabulary, from the tokenizer file alone (categories as in Qtok). Each piece gets the first
 * category that applies, in this order:
 * <ol>
 *   <li>{@code control}: special/added control tokens and the unknown token;
 *   <li>{@code byte}: {@code <0xNN>} pieces, and byte-level pieces that are a single non-ASCII byte;
 *   <li>{@code partial_utf8}: pieces whose bytes are not complete UTF-8 (part of a character);
 *   <li>{@code word_initial}: pieces starting with the space marker ({@code Ġ}, {@code ▁} or a space); in
 *       WordPiece, every piece without {@code ##} (it starts a word);
 *   <li>{@code char}: a single code point with no marker;
 *   <li>{@code inner}: everything else (WordPiece {@code ##} pieces land here).
 * </ol>
 * The script is the ICU script of the piece's letters; {@code Mixed} when they belong to several scripts,
 * {@code Common} when there are none (digits, punctuation, bytes, control tokens).
 */
public final class VocabProfile {
  public static final List<String> CATEGORIES =
      List.of("control", "byte", "partial_utf8", "word_initial", "char", "inner");

  /** One output row. */
  public record Row(String category, String script, long count, double share) {}

  private VocabProfile() {}

  public static String category(Vocabulary v, int id) {
    if (v.isSpecial(id)) {
      return "control";
    }
    String piece = v.piece(id);
    if (Vocabulary.byteFallbackValue(piece) >= 0) {
      return "byte";
    }
    byte[] bytes = v.bytes(id);
    if (v.marker() == Vocabulary.Marker.BYTE_LEVEL_SPACE && bytes.length == 1 && (bytes[0] & 0x80) != 0) {
      return "byte";
    }
    String text = v.text(id);
    if (text == null) {
      return "partial_utf8";
    }
    if (v.isWordInitial(id)) {
      return "word_initial";
    }
    if (text.codePointCount(0, text.length()) == 1) {
      return "char";
    }
    return "inner";
  }

  public static String script(Vocabulary v, int id, String category) {
    if (category.equals("control") || category.equals("byte") || category.equals("partial_utf8")) {
      return "Common";
    }
    String text = v.text(id);
    int found = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!UCharacter.isLetter(cp)) {
        continue;
      }
      int s = UScript.getScript(cp);
      if (s == UScript.COMMON || s == UScript.INHERITED) {
        continue;
      }
      if (found >= 0 && found != s) {
        return "Mixed";
      }
      found = s;
    }
    return found < 0 ? "Common" : UScript.getName(found);
  }

  /** Per vocabulary instance (tokenizers are loaded once per JVM): a rerun in the same JVM does not redo it. */
  private static final Map<Vocabulary, List<Row>> PROFILES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Rows by (category, script), share = count / pieces in the vocabulary. */
  public static List<Row> of(Vocabulary v) {
    return PROFILES.computeIfAbsent(v, VocabProfile::profile);
  }

  private static List<Row> profile(Vocabulary v) {
    Map<String, long[]> counts = new TreeMap<>();
    long total = 0;
    for (int id = 0; id < v.size(); id++) {
      if (v.piece(id) == null) {
        continue; // ids the file leaves unassigned
      }
      String c = category(v, id);
      counts.computeIfAbsent(c + "\u0000" + script(v, id, c), k -> new long[1])[0]++;
      total++;
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      String[] k = e.getKey().split("\u0000");
      rows.add(new Row(k[0], k[1], e.getValue()[0], (double) e.getValue()[0] / total));
    }
    return List.copyOf(rows);
  }
}
