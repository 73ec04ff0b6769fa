package org.tokenometry.jobs.tokenize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;
import org.tokenometry.udfs.tables.FairnessRow;
import org.tokenometry.udfs.tables.NumbersRow;
import org.tokenometry.udfs.tables.RobustnessRow;
import org.tokenometry.udfs.tables.RoundTripRow;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabProfileRow;
import org.tokenometry.udfs.tables.VocabTokensRow;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * documents -> doc_tokens, compression, coverage, fairness, vocab_profile, roundtrip, robustness, numbers,
 * vocab_tokens, vocab_health. One scan of documents: each
 * partition tokenizes every document with every tokenizer and emits per-document counts plus per-group partial
 * aggregates; the partials are merged by language on the executors, and only each language's summary (not
 * documents, not tokens, not id counts) reaches the driver.
 */
public final class TokenizeStage implements Stage {
  @Override
  public String name() {
    return "tokenize";
  }

  @Override
  public void run(StageContext ctx) {
    TokenizeConfig cfg = ctx.config().tokenize();
    TokenizerSet tokenizers = TokenizerSet.resolve(ctx.config());
    String reference = cfg.referenceTokenizer() != null ? cfg.referenceTokenizer() : tokenizers.names().get(0);
    if (!tokenizers.names().contains(reference)) {
      throw new ConfigException("tokenize.reference_tokenizer '" + reference + "' is not one of the run's "
          + "tokenizers " + tokenizers.names());
    }
    recordTokenizers(ctx, tokenizers);
    List<ShippedTokenizer> shipped = tokenizers.ship(ctx.spark());
    TokenizerUdfs.register(ctx.spark(), shipped);

    GroupMerge.Merged merged = TokenizePass.run(ctx.tables(), shipped, cfg, readLexicons(ctx, cfg));
    var t = new TokenizeTables(merged.summaries(), tokenizers, cfg, reference);
    var health = new HealthTables(merged, tokenizers, cfg);
    // premiums need the pivot language's tokens per parallel id: from the groups where they settle it, else a
    // join over doc_tokens for the corpora they do not
    TokenizePass.Premiums premiums = TokenizePass.premiums(t.parallelTotals(), ctx.tables(), cfg.pivotLang());
    t.premiumSums(premiums.sums());
    Map<String, Dataset<Row>> small = new LinkedHashMap<>();
    small.put(CompressionRow.TABLE, RowCodec.of(CompressionRow.class).dataFrame(ctx.spark(), t.compression()));
    small.put(CoverageRow.TABLE, RowCodec.of(CoverageRow.class).dataFrame(ctx.spark(), t.coverage()));
    small.put(FairnessRow.TABLE, RowCodec.of(FairnessRow.class).dataFrame(ctx.spark(), t.fairness()));
    small.put(VocabProfileRow.TABLE, RowCodec.of(VocabProfileRow.class).dataFrame(ctx.spark(), t.vocabProfile()));
    List<RoundTripRow> roundTrip = health.roundTrip();
    List<RobustnessRow> robustness = health.robustness();
    HealthTables.Census census = health.census();
    small.put(RoundTripRow.TABLE, RowCodec.of(RoundTripRow.class).dataFrame(ctx.spark(), roundTrip));
    small.put(RobustnessRow.TABLE, RowCodec.of(RobustnessRow.class).dataFrame(ctx.spark(), robustness));
    small.put(NumbersRow.TABLE, RowCodec.of(NumbersRow.class).dataFrame(ctx.spark(), health.numbers()));
    small.put(VocabTokensRow.TABLE, RowCodec.of(VocabTokensRow.class).dataFrame(ctx.spark(), census.tokens()));
    small.put(VocabHealthRow.TABLE, RowCodec.of(VocabHealthRow.class).dataFrame(ctx.spark(), census.health()));
    ctx.tables().writeAll(small);
    Map<String, Object> m = ctx.manifest().stage(name());
    m.put("tokenizers", tokenizers.names());
    m.put("reference_tokenizer", reference);
    m.put("pivot_lang", cfg.pivotLang());
    m.put("doc_tokens_rows", t.docTokensRows());
    m.put("groups", t.groups());
    m.put("premium_joined_corpora", List.copyOf(premiums.joinedCorpora()));
    // round trip, digit runs and robustness take short documents only (PartitionTokenizer)
    long roundTripDocs = roundTrip.stream().mapToLong(RoundTripRow::docs).sum();
    m.put("health_long_docs", (t.docTokensRows() - roundTripDocs) / tokenizers.names().size());
    if (cfg.robustness().enabled()) {
      m.put("robustness", HealthTables.robustnessCost(robustness, tokenizers.names().size()));
    }
    ctx.console().info("[tokenize] %d tokenizers, %d groups", tokenizers.names().size(), t.groups());
  }

  private static void recordTokenizers(StageContext ctx, TokenizerSet set) {
    for (TokenizerRegistry.Resolved r : set.resolved()) {
      ctx.manifest().tokenizer(r.name(), set.facts(r));
    }
  }

  /** Word lists, lower-cased; read through Spark so they may live on any Hadoop filesystem. */
  private static Map<String, Set<String>> readLexicons(StageContext ctx, TokenizeConfig cfg) {
    Map<String, Set<String>> out = new HashMap<>();
    cfg.lexicons().forEach((lang, path) -> {
      Set<String> words = new HashSet<>();
      for (String line : ctx.spark().read().textFile(path).collectAsList()) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      if (words.isEmpty()) {
        throw new ConfigException("tokenize.lexicons." + lang + ": " + path + " has no words (one per line)");
      }
      out.put(lang, words);
    });
    return out;
  }
}
