package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;

/**
 * Where a tokenizer's numbers cannot be trusted because it emitted unknown tokens: one {@code [UNK]} can stand for
 * a whole word, so a WordPiece vocabulary on a script it lacks looks like the best compressor and the cheapest
 * language. The report marks those numbers, leaves them out of colour scales and rankings; the console summary
 * leaves them out of its best-compression list. Both use {@link #MAX_RATE}.
 */
public final class UnknownTokens {
  /** Above this share of unknown tokens ({@code coverage.unk_rate}) a number is marked and left out. */
  public static final double MAX_RATE = 0.01;
  /** The mark shown beside such a number. */
  public static final String MARK = "⚠";

  private final Map<String, Double> rates = new HashMap<>();

  public UnknownTokens(List<CoverageRow> coverage) {
    // a row with no tokens has no rate (null): nothing unknown to flag
    coverage.forEach(c -> rates.put(key(c.tokenizer(), c.corpus(), c.lang()),
        c.unkRate() == null ? 0 : c.unkRate()));
  }

  private static String key(String tokenizer, String corpus, String lang) {
    return tokenizer + "\u0000" + corpus + "\u0000" + lang;
  }

  /** {@code coverage.unk_rate} of a tokenizer on a corpus and language; 0 when coverage has no row for it. */
  public double rate(String tokenizer, String corpus, String lang) {
    return rates.getOrDefault(key(tokenizer, corpus, lang), 0.0);
  }

  /** True when the tokenizer emitted more than {@link #MAX_RATE} unknown tokens on this corpus and language. */
  public boolean flagged(String tokenizer, String corpus, String lang) {
    return rate(tokenizer, corpus, lang) > MAX_RATE;
  }

  /** Unknown tokens over all tokens of these rows (their tokens weigh each row's rate), e.g. a whole domain. */
  public double rate(List<CompressionRow> rows) {
    double tokens = 0;
    double unknown = 0;
    for (CompressionRow r : rows) {
      tokens += r.tokens();
      unknown += r.tokens() * rate(r.tokenizer(), r.corpus(), r.lang());
    }
    return tokens == 0 ? 0 : unknown / tokens;
  }

  /** True when {@link #rate(List)} of these rows exceeds {@link #MAX_RATE}. */
  public boolean flagged(List<CompressionRow> rows) {
    return rate(rows) > MAX_RATE;
  }

  /** Tokenizers with at least one flagged language in the corpus (every corpus when null), in the given order. */
  public List<String> flaggedIn(String corpus, List<String> tokenizers) {
    Set<String> out = new LinkedHashSet<>();
    for (String tk : tokenizers) {
      rates.forEach((k, v) -> {
        String[] p = k.split("\u0000", -1);
        if (p[0].equals(tk) && (corpus == null || p[1].equals(corpus)) && v > MAX_RATE) {
          out.add(tk);
        }
      });
    }
    return new ArrayList<>(out);
  }

  /** "⚠ 35.2 % unknown tokens" for a flagged number's tooltip or table cell. */
  public static String why(double rate) {
    return MARK + " " + Html.pct(rate, 1) + " unknown tokens";
  }

  /**
   * The sentence a chart or table carries when some of its numbers are flagged (null when none are), e.g.
   * "⚠ minilm, bge_small_zh: more than 1 % of their tokens are unknown ([UNK]) on some languages; ...".
   */
  public static String note(List<String> flagged, String consequence) {
    if (flagged.isEmpty()) {
      return null;
    }
    return MARK + " " + String.join(", ", flagged) + ": more than " + Html.pct(MAX_RATE, 0)
        + " of the tokens are unknown ([UNK]) where marked, so those numbers flatter the tokenizer (one [UNK] can "
        + "stand for a whole word); " + consequence + ".";
  }
}
