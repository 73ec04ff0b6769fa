package org.tokenometry.udfs.metrics;

import com.ibm.icu.lang.UCharacter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * Whether encoding a piece's text gives back exactly that piece, the test of Magikarp (Land and Bartolo 2024,
 * {@code TokenizerAnalyzer.categorize_token}). The text is encoded as a whole document, except where the tokenizer
 * changes how a document starts, which would make half a vocabulary look unreachable:
 * <ul>
 *   <li>a tokenizer that puts a space before every document (SentencePiece's prepended ▁: "test" encodes to a
 *       piece starting with a space) encodes {@code «} + text, and also {@code »} + text, as Magikarp does, and
 *       the piece is reachable when either gives [the context's single piece, the piece];
 *   <li>a WordPiece continuation piece ({@code ##s}) is encoded after a context letter c that is a piece of its
 *       own no longer piece starts with, so the greedy longest match must take c and continue with s: reachable
 *       when c + s gives [c, ##s]. c is the first such letter, by id, for which c + x gives [c, ##x] for the first
 *       single-letter continuation piece ##x.
 * </ul>
 * In a context, the context's piece must cover exactly the context's characters. When neither {@code «} nor
 * {@code »} is one piece of its own, pieces are encoded as whole documents (no tokenizer of the registry is so).
 */
final class PieceReachability {
  private static final List<String> START_CONTEXTS = List.of("\u00AB", "\u00BB");

  /** A text encoded before the piece, and the single piece it encodes to. */
  private record Context(String text, int id) {}

  private final Tokenizer tokenizer;
  private final List<Context> starts; // empty: pieces are encoded as whole documents
  private final Context continuation; // null: no WordPiece continuation pieces, or no usable letter

  private PieceReachability(Tokenizer tokenizer, List<Context> starts, Context continuation) {
    this.tokenizer = tokenizer;
    this.starts = starts;
    this.continuation = continuation;
  }

  static PieceReachability of(Tokenizer t) {
    List<Context> starts = new ArrayList<>();
    Encoding test = t.encode("test");
    byte[] first = test.size() > 0 ? t.vocabulary().bytes(test.ids()[0]) : new byte[0];
    if (first.length > 0 && first[0] == ' ') {
      for (String c : START_CONTEXTS) {
        Encoding e = t.encode(c);
        if (e.size() == 1 && e.ends()[0] == c.length()) {
          starts.add(new Context(c, e.ids()[0]));
        }
      }
    }
    Vocabulary v = t.vocabulary();
    return new PieceReachability(t, starts,
        v.marker() == Vocabulary.Marker.WORDPIECE_CONTINUATION ? continuationContext(t) : null);
  }

  /** Whether WordPiece continuation pieces can be tested at all (a usable context letter was found). */
  boolean testsContinuations() {
    return continuation != null;
  }

  /** Whether encoding {@code text}, the piece's text, gives back exactly piece {@code id}. */
  boolean reachable(int id, String text, boolean continuationPiece) {
    if (continuationPiece) {
      return continuation != null && gives(continuation, text, id);
    }
    if (starts.isEmpty()) {
      Encoding e = tokenizer.encode(text);
      return e.size() == 1 && e.ids()[0] == id;
    }
    for (Context c : starts) {
      if (gives(c, text, id)) {
        return true;
      }
    }
    return false;
  }

  private boolean gives(Context c, String text, int id) {
    Encoding e = tokenizer.encode(c.text() + text);
    return e.size() == 2 && e.ids()[0] == c.id() && e.ends()[0] == c.text().length() && e.ids()[1] == id;
  }

  private static Context continuationContext(Tokenizer t) {
    Vocabulary v = t.vocabulary();
    Set<Integer> startsLonger = new HashSet<>();
    int probe = -1;
    for (int id = 0; id < v.size(); id++) {
      String p = v.piece(id);
      if (p == null || v.isSpecial(id)) {
        continue;
      }
      if (p.startsWith("##")) {
        String rest = p.substring(2);
        if (probe < 0 && rest.codePointCount(0, rest.length()) == 1 && UCharacter.isLetter(rest.codePointAt(0))) {
          probe = id;
        }
      } else if (p.codePointCount(0, p.length()) > 1) {
        startsLonger.add(p.codePointAt(0));
      }
    }
    if (probe < 0) {
      return null;
    }
    String x = v.piece(probe).substring(2);
    for (int id = 0; id < v.size(); id++) {
      String p = v.piece(id);
      if (p == null || v.isSpecial(id) || p.startsWith("##") || p.codePointCount(0, p.length()) != 1) {
        continue;
      }
      int c = p.codePointAt(0);
      if (!UCharacter.isLetter(c) || startsLonger.contains(c)) {
        continue;
      }
      Context context = new Context(p, id);
      Encoding e = t.encode(p + x);
      if (e.size() == 2 && e.ids()[0] == id && e.ends()[0] == p.length() && e.ids()[1] == probe) {
        return context;
      }
    }
    return null;
  }
}
