package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.tokenometry.udfs.tokenizers.Encoding;

/**
 * How a tokenizer cuts digit strings (the {@code numbers} table), mergeable. A <em>digit run</em> is a maximal
 * run of ASCII digits 0-9; separators end it ({@code 1,234.5} holds the runs {@code 1}, {@code 234},
 * {@code 5}). Each digit belongs to the last token, in encoding order, whose non-empty interval contains it
 * (a SentencePiece prefix-space token that reports the first digit's span yields to the digit's own token); a
 * digit no token covers is a piece of its own. A <em>piece</em> is a maximal stretch of a run's digits with
 * the same token, and a <em>boundary</em> sits at position k (0 < k < L) of an L-digit run when digits k-1 and k
 * are in different pieces. The ideal boundaries are the right-to-left three-digit groups, k with (L - k) mod 3
 * = 0 ({@code 1|234|567}).
 *
 * <ul>
 *   <li>{@code one_digit_share}, {@code two_digit_share}, {@code three_digit_share},
 *       {@code four_plus_digit_share}: pieces of 1, 2, 3 and 4 or more digits / pieces.
 *   <li>{@code split_entropy}: H(pattern | length) in bits, the pattern being a run's set of boundaries, over
 *       runs of 1-12 digits: 0 when every run of a length is cut the same way whatever its digits. Longer runs
 *       (ids, hashes) count everywhere else; the cap keeps the accumulator at most 4,095 patterns.
 *   <li>{@code boundary_precision} = TP / (TP + FP), {@code boundary_recall} = TP / (TP + FN),
 *       {@code boundary_f1} = 2TP / (2TP + FP + FN), summed over all runs (micro-averaged); null when the
 *       denominator is 0.
 * </ul>
 */
public final class NumberStats implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The {@code number_set} of the corpus's own numbers. */
  public static final String CORPUS = "corpus";
  static final int PATTERN_MAX_DIGITS = 12;

  private long runs;
  private long digits;
  private long pieces;
  private final long[] piecesByDigits = new long[4]; // 1, 2, 3, 4+
  private long truePositives;
  private long falsePositives;
  private long falseNegatives;
  /** Runs per (length, boundary set): key (2^(L-1) - 1) + mask, bit k-1 of mask for a boundary at k. */
  private final TreeMap<Integer, Long> patterns = new TreeMap<>();

  public NumberStats add(DocumentText doc, Encoding enc) {
    return add(doc.text(), enc);
  }

  /** The digit runs of {@code text} as {@code enc} (its encoding) cuts them. */
  public NumberStats add(String text, Encoding enc) {
    int first = 0;
    for (int i = 0, n = text.length(); i < n; ) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      first = addRun(s, i, enc, first);
    }
    return this;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Adds the run [rs, re); {@code first} is the first token that may reach it (tokens come in text order). */
  private int addRun(int rs, int re, Encoding enc, int first) {
    int[] starts = enc.starts();
    int[] ends = enc.ends();
    int n = enc.size();
    while (first < n && ends[first] <= rs && starts[first] <= rs) {
      first++;
    }
    int len = re - rs;
    int[] owner = new int[len];
    Arrays.fill(owner, -1);
    for (int t = first; t < n && starts[t] < re; t++) {
      for (int c = Math.max(starts[t], rs); c < Math.min(ends[t], re); c++) {
        owner[c - rs] = t; // a later token containing the digit wins
      }
    }
    runs++;
    digits += len;
    int mask = 0;
    int piece = 1;
    for (int k = 1; k < len; k++) {
      boolean cut = owner[k] != owner[k - 1] || owner[k] < 0;
      boolean ideal = (len - k) % 3 == 0;
      if (cut) {
        countPiece(piece);
        piece = 1;
        if (len <= PATTERN_MAX_DIGITS) {
          mask |= 1 << (k - 1);
        }
      } else {
        piece++;
      }
      truePositives += cut && ideal ? 1 : 0;
      falsePositives += cut && !ideal ? 1 : 0;
      falseNegatives += !cut && ideal ? 1 : 0;
    }
    countPiece(piece);
    if (len <= PATTERN_MAX_DIGITS) {
      patterns.merge((1 << (len - 1)) - 1 + mask, 1L, Long::sum);
    }
    return first;
  }

  private void countPiece(int len) {
    pieces++;
    piecesByDigits[Math.min(len, 4) - 1]++;
  }

  public NumberStats merge(NumberStats o) {
    runs += o.runs;
    digits += o.digits;
    pieces += o.pieces;
    for (int i = 0; i < piecesByDigits.length; i++) {
      piecesByDigits[i] += o.piecesByDigits[i];
    }
    truePositives += o.truePositives;
    falsePositives += o.falsePositives;
    falseNegatives += o.falseNegatives;
    o.patterns.forEach((k, v) -> patterns.merge(k, v, Long::sum));
    return this;
  }

  public long runs() {
    return runs;
  }

  public long digits() {
    return digits;
  }

  public long pieces() {
    return pieces;
  }

  /** Pieces of {@code digits} digits (4: four or more) / pieces. */
  public Double pieceShare(int digits) {
    return CompressionStats.ratio(piecesByDigits[Math.min(digits, 4) - 1], pieces);
  }

  /** H(pattern | length) in bits over runs of 1-12 digits; null without such runs. */
  public Double splitEntropy() {
    long total = 0;
    long[] byLength = new long[PATTERN_MAX_DIGITS + 1];
    for (Map.Entry<Integer, Long> e : patterns.entrySet()) {
      total += e.getValue();
      byLength[length(e.getKey())] += e.getValue();
    }
    if (total == 0) {
      return null;
    }
    double h = 0;
    for (Map.Entry<Integer, Long> e : patterns.entrySet()) {
      long c = e.getValue();
      h -= (double) c / total * (Math.log((double) c / byLength[length(e.getKey())]) / Math.log(2));
    }
    return h == 0 ? 0.0 : h; // no -0.0
  }

  /** The run length of a pattern key: keys of length L fill [2^(L-1) - 1, 2^L - 2]. */
  private static int length(int key) {
    return 32 - Integer.numberOfLeadingZeros(key + 1);
  }

  public Double boundaryPrecision() {
    return CompressionStats.ratio(truePositives, truePositives + falsePositives);
  }

  public Double boundaryRecall() {
    return CompressionStats.ratio(truePositives, truePositives + falseNegatives);
  }

  public Double boundaryF1() {
    return CompressionStats.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }
}
