package org.tokenometry.udfs.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tokenometry.udfs.text.TextSegmenter;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * A document too long to encode whole in bounded memory (books, filings, whole-file corpora: up to {@code
 * max_doc_bytes}). It is cut into pieces of about {@link #PIECE_CHARS} characters, only where no word and no token
 * of any of the run's tokenizers can cross ({@link TextSegmenter#isCut} and every {@link Tokenizer#canCutBefore}),
 * and each piece is segmented once and encoded by every tokenizer, the tokenizers side by side on all cores. Every
 * count is a sum over pieces, so the document's counts, offsets and metrics equal encoding it whole; sentences,
 * which may cross a cut, are counted over the whole text in constant memory.
 *
 * <p>Memory per document is then bounded by the piece, not the document, except for the text itself (the
 * document's {@code String}, read from its row, 1-2 bytes per character).
 */
public final class LongDocument {
  /**
   * Characters per piece. Each engine keeps per-thread buffers the size of the longest text it encoded (its
   * normalized code points, pre-tokens, output), so with 15 tokenizers on two threads the piece, not the
   * document, sets what they hold.
   */
  public static final int PIECE_CHARS = 1 << 16;

  private LongDocument() {}

  /** Whether {@code text} is encoded in pieces. */
  public static boolean isLong(String text) {
    return text.length() > PIECE_CHARS;
  }

  /**
   * Cut positions {@code 0 = c0 < c1 < ... < cn = length}: each piece reaches at least {@code pieceChars} and ends
   * at the first position after that where every tokenizer and the segmentation accept a cut (so the last piece
   * takes the rest when there is none).
   */
  public static int[] cuts(String text, List<Tokenizer> tokenizers, int pieceChars) {
    int n = text.length();
    int[] cuts = new int[8];
    int k = 1;
    int from = 0;
    while (n - from > pieceChars) {
      int at = from + pieceChars;
      while (at < n && !acceptsCut(text, at, tokenizers)) {
        at++;
      }
      if (at >= n) {
        break;
      }
      if (k + 1 >= cuts.length) {
        cuts = Arrays.copyOf(cuts, cuts.length * 2);
      }
      cuts[k++] = at;
      from = at;
    }
    cuts[k++] = n;
    return Arrays.copyOf(cuts, k);
  }

  private static boolean acceptsCut(String text, int at, List<Tokenizer> tokenizers) {
    if (!TextSegmenter.isCut(text, at)) {
      return false;
    }
    for (Tokenizer t : tokenizers) {
      if (!t.canCutBefore(text, at)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Encodes {@code text} piece by piece ({@code cuts} from {@link #cuts}) with every tokenizer: tokenizer {@code
   * i}'s counts go to {@code counts[i]} and its ids to {@code ids[i]}. Returns the document's facts. With {@code
   * parallel}, the tokenizers of each piece run side by side (the common fork-join pool and this thread).
   */
  public static DocumentFacts measure(String text, int[] cuts, List<Tokenizer> tokenizers,
      TokenizedDocument[] counts, IdTally[] ids, boolean parallel) {
    DocumentFacts facts = DocumentFacts.NONE;
    for (int p = 0; p + 1 < cuts.length; p++) {
      DocumentText piece = DocumentText.piece(text, cuts[p], cuts[p + 1]);
      facts = facts.plus(piece.facts());
      IntStream lanes = IntStream.range(0, tokenizers.size());
      (parallel ? lanes.parallel() : lanes).forEach(i -> {
        long t0 = System.nanoTime();
        Encoding enc = piece.encode(tokenizers.get(i));
        counts[i].add(piece, enc, System.nanoTime() - t0, ids[i]);
      });
    }
    return facts.withSentences(TextSegmenter.countSentencesStreaming(text));
  }
}
