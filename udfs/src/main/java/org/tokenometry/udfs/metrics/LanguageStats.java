package org.tokenometry.udfs.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * The groups of one tokenizer x corpus x lang, one {@link GroupStats} per domain: what the pass's partials are
 * merged into, on the executors, before anything reaches the driver. {@link #summarize} turns the merged
 * groups into what the tables need, which is small whatever the vocabulary: per domain the compression sums,
 * the parallel totals, the bootstrap replicates and the Rényi efficiency; for the language its coverage row (rates, distinct ids, top
 * tokens, lexicon rates), its round-trip row, robustness rows and digit-run sums; and, for a tokenizer with a
 * vocabulary, the language's id counts, which the merge sums per tokenizer x corpus on the executors for the
 * vocabulary census (at most one count per vocabulary entry reaches the driver per tokenizer x corpus).
 */
public final class LanguageStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, GroupStats> byDomain = new HashMap<>(); // a domain may be null

  public static LanguageStats of(String domain, GroupStats g) {
    LanguageStats s = new LanguageStats();
    s.byDomain.put(domain, g);
    return s;
  }

  public LanguageStats merge(LanguageStats o) {
    o.byDomain.forEach((d, g) -> byDomain.merge(d, g, GroupStats::merge));
    return this;
  }

  public Map<String, GroupStats> byDomain() {
    return byDomain;
  }

  /** One group's share of the tables, for the driver. */
  public record DomainSummary(GroupKey key, CompressionStats compression, ParallelTotals parallel,
      BootstrapSums bootstrap, Double renyiEfficiency) implements Serializable {}

  /**
   * What one tokenizer x corpus x lang gives the tables ({@code coverage} names it). {@code robustness}: no
   * perturbation when no document was sampled;
   * {@code ids}: the language's id counts for the census, null for a tokenizer without a vocabulary or once
   * summed per corpus ({@link #withoutIds}).
   */
  public record Summary(List<DomainSummary> domains, CoverageRow coverage, RoundTripStats roundTrip,
      NumberStats numbers, RobustnessStats robustness, IdCounts ids) implements Serializable {
    public Summary withoutIds() {
      return new Summary(domains, coverage, roundTrip, numbers, robustness, null);
    }
  }

  /**
   * The tables' share of these groups. {@code lexicon}: the language's lower-cased word list, or null;
   * {@code topTokens}: how many of the most frequent ids the coverage row lists.
   */
  public Summary summarize(LanguageKey key, Tokenizer t, double renyiAlpha, int topTokens, Set<String> lexicon) {
    List<DomainSummary> domains = new ArrayList<>();
    CoverageStats all = new CoverageStats();
    RoundTripStats roundTrip = new RoundTripStats();
    NumberStats numbers = new NumberStats();
    RobustnessStats robustness = new RobustnessStats();
    List<String> names = new ArrayList<>(byDomain.keySet());
    names.sort(Comparator.comparing(String::valueOf));
    for (String d : names) {
      GroupStats g = byDomain.get(d);
      domains.add(new DomainSummary(new GroupKey(key.tokenizer(), key.corpus(), d, key.lang()), g.compression(),
          g.parallel(), g.bootstrap(), RenyiEfficiency.of(g.coverage().ids(), renyiAlpha, t.vocabSize())));
      all = names.size() == 1 ? g.coverage() : all.merge(g.coverage());
      roundTrip.merge(g.roundTrip());
      numbers.merge(g.numbers());
      if (g.robustness() != null) {
        robustness.merge(g.robustness());
      }
    }
    Vocabulary v = t.vocabulary();
    Double[] lex = lexicon == null ? new Double[] {null, null} : LexiconRates.of(all.ids(), v, lexicon);
    List<CoverageRow.TopToken> top = new ArrayList<>();
    for (long[] idCount : all.topTokens(topTokens)) {
      top.add(new CoverageRow.TopToken(tokenText(t, (int) idCount[0]), idCount[1]));
    }
    Integer vocabSize = t.vocabSize() < 0 ? null : t.vocabSize();
    CoverageRow row = new CoverageRow(key.tokenizer(), key.corpus(), key.lang(), all.tokens(), all.unkRate(),
        all.byteFallbackRate(), all.splitCharRate(), vocabSize, all.distinctTokens(),
        all.vocabUtilization(t.vocabSize()), lex[0], lex[1], top);
    return new Summary(domains, row, roundTrip, numbers, robustness, VocabCensus.applies(t) ? all.ids() : null);
  }

  /** Readable token: decoded text, or the stored piece for a partial character, or "#id" when unknown. */
  static String tokenText(Tokenizer t, int id) {
    if (t.vocabulary() != null) {
      String d = t.vocabulary().display(id);
      if (d != null) {
        return d;
      }
    }
    String s = t.tokenString(id);
    return s != null ? s : "#" + id;
  }
}
