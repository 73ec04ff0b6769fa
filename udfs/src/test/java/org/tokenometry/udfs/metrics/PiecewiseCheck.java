package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Encoding a long text piece by piece ({@link LongDocument}) against encoding it whole: the pieces' tokens, laid
 * end to end, must be the whole's (ids, offsets, flags), and every count and id must be the same.
 */
final class PiecewiseCheck {
  private PiecewiseCheck() {}

  /** Checks {@code text} under every tokenizer at once (the cuts all of them accept); returns the pieces made. */
  static int assertSameAsWhole(String label, String text, List<Tokenizer> tokenizers, int pieceChars) {
    int[] cuts = LongDocument.cuts(text, tokenizers, pieceChars);
    int k = tokenizers.size();
    TokenizedDocument[] pieces = new TokenizedDocument[k];
    IdTally[] pieceIds = new IdTally[k];
    for (int i = 0; i < k; i++) {
      pieces[i] = new TokenizedDocument();
      pieceIds[i] = new IdTally(tokenizers.get(i).vocabSize());
    }
    DocumentFacts pieceFacts = LongDocument.measure(text, cuts, tokenizers, pieces, pieceIds, false);
    DocumentText whole = DocumentText.of(text);
    assertEquals(whole.facts(), pieceFacts, label + ": document facts");
    for (int i = 0; i < k; i++) {
      Tokenizer t = tokenizers.get(i);
      String what = label + " / " + t.name() + " (" + (cuts.length - 1) + " pieces)";
      Encoding all = t.encode(text);
      assertSameEncoding(what, all, cuts, t, text);
      TokenizedDocument w = new TokenizedDocument();
      IdTally wholeIds = new IdTally(t.vocabSize());
      w.add(whole, all, 0, wholeIds);
      assertEquals(w.tokens(), pieces[i].tokens(), what + ": tokens");
      assertEquals(w.unk(), pieces[i].unk(), what + ": unk");
      assertEquals(w.byteFallback(), pieces[i].byteFallback(), what + ": byte fallback");
      assertEquals(w.continuedWords(), pieces[i].continuedWords(), what + ": continued words");
      assertEquals(w.singleTokenWords(), pieces[i].singleTokenWords(), what + ": single-token words");
      assertEquals(w.splitChars(), pieces[i].splitChars(), what + ": split characters");
      IdCounts a = new IdCounts();
      IdCounts b = new IdCounts();
      wholeIds.drainInto(a);
      pieceIds[i].drainInto(b);
      assertEquals(a.distinct(), b.distinct(), what + ": distinct ids");
      a.forEach((id, n) -> assertEquals(n, b.get(id), what + ": id " + id));
    }
    return cuts.length - 1;
  }

  private static void assertSameEncoding(String what, Encoding all, int[] cuts, Tokenizer t, String text) {
    int[] ids = new int[0];
    int[] starts = new int[0];
    int[] ends = new int[0];
    byte[] flags = new byte[0];
    for (int p = 0; p + 1 < cuts.length; p++) {
      Encoding e = t.encode(text, cuts[p], cuts[p + 1]);
      ids = concat(ids, e.ids());
      starts = concat(starts, e.starts());
      ends = concat(ends, e.ends());
      int n = flags.length;
      flags = Arrays.copyOf(flags, n + e.size());
      System.arraycopy(e.flags(), 0, flags, n, e.size());
    }
    if (!Arrays.equals(all.ids(), ids)) {
      int d = Arrays.mismatch(all.ids(), ids);
      int at = d < all.size() ? all.starts()[d] : text.length();
      assertArrayEquals(all.ids(), ids, what + ": ids differ at token " + d + " near \""
          + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30)).replace("\n", "\\n") + "\"");
    }
    assertArrayEquals(all.starts(), starts, what + ": starts");
    assertArrayEquals(all.ends(), ends, what + ": ends");
    assertArrayEquals(all.flags(), flags, what + ": flags");
  }

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
