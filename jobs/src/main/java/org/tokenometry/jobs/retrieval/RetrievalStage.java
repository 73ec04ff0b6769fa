package org.tokenometry.jobs.retrieval;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.RetrievalConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.tokenize.ShippedTokenizer;
import org.tokenometry.jobs.tokenize.TokenizerSet;
import org.tokenometry.udfs.retrieval.Unit;
import org.tokenometry.udfs.tables.RetrievalQuestionRow;
import org.tokenometry.udfs.tables.RetrievalRow;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

/**
 * documents + questions -> retrieval_questions, retrieval (and optionally chunks). One Spark task per chunk set
 * (corpus, tokenizer, chunker, size, overlap); retrievers, k and units are evaluated inside the task.
 */
public final class RetrievalStage implements Stage {
  @Override
  public String name() {
    return "retrieval";
  }

  @Override
  public void run(StageContext ctx) {
    RetrievalConfig cfg = ctx.config().retrieval();
    Map<String, Object> stats = ctx.manifest().stage(name());

    Dataset<Row> questions = ctx.tables().read("questions");
    long allQuestions = questions.count();
    questions = questions.filter(col("status").isin(cfg.statuses().toArray()));
    Dataset<Row> documents = ctx.tables().read("documents").select("corpus", "doc_id", "text");
    List<String> corpora = cfg.corpora().isEmpty()
        ? questions.select("corpus").distinct().orderBy("corpus").as(Encoders.STRING()).collectAsList()
        : cfg.corpora();
    questions = questions.filter(col("corpus").isin(corpora.toArray()));
    documents = documents.filter(col("corpus").isin(corpora.toArray()));
    boolean global = cfg.scope().equals("global");

    Dataset<Row> docsByKey = documents.withColumn("key", global ? lit("*") : col("corpus"))
        .groupBy("key").agg(collect_list(struct("corpus", "doc_id", "text")).as("docs"));
    Dataset<Row> questionsByKey = questions.withColumn("key", global ? lit("*") : col("corpus"))
        .groupBy("key").agg(collect_list(struct("question_id", "corpus", "question", "references")).as("questions"));

    Map<String, ShippedTokenizer> tokenizers = tokenizers(ctx, cfg);
    List<Row> tasks = tasks(cfg, global ? List.of("*") : corpora, tokenizers.keySet());
    Dataset<Row> work = ctx.spark().createDataFrame(tasks, RetrievalGrid.taskSchema())
        .join(docsByKey, "key").join(questionsByKey, "key")
        .repartition(Math.max(1, tasks.size()));
    int[] ks = cfg.k().stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    List<Unit> units = cfg.units().stream().map(u -> u.equals("char") ? Unit.CHAR : Unit.TOKEN).toList();
    boolean chroma = cfg.offsets().equals("chroma");

    RetrievalGrid.writeQuestions(ctx.tables(), work, tokenizers, cfg.retrievers(), ks, units, chroma);
    Dataset<Row> perQuestion = ctx.tables().read(RetrievalQuestionRow.TABLE);
    Dataset<Row> summary = perQuestion
        .groupBy("corpus", "tokenizer", "chunker", "size", "overlap", "retriever", "k", "unit")
        .agg(count(lit(1)).cast("int").as("n_questions"),
            avg("recall").as("recall_mean"), stddev_pop("recall").as("recall_std"),
            avg("precision").as("precision_mean"), stddev_pop("precision").as("precision_std"),
            avg("iou").as("iou_mean"), stddev_pop("iou").as("iou_std"),
            avg("precision_omega").as("precision_omega_mean"),
            stddev_pop("precision_omega").as("precision_omega_std"),
            first("chunks").as("chunks"), first("mean_chunk_tokens").as("mean_chunk_tokens"));
    ctx.tables().write(RowCodec.of(RetrievalRow.class).conform(summary), RetrievalRow.TABLE);
    if (cfg.writeChunks()) {
      RetrievalGrid.writeChunks(ctx.tables(), work, tokenizers, chroma);
    }

    stats.put("questions_read", allQuestions);
    long evaluated = questions.count();
    stats.put("questions_evaluated", evaluated);
    stats.put("questions_skipped_by_status", allQuestions - evaluated);
    stats.put("chunk_sets", tasks.size());
    stats.put("retrieval_questions_rows", perQuestion.count());
    stats.put("retrieval_rows", ctx.tables().read(RetrievalRow.TABLE).count());
  }

  /** The retrieval tokenizers, resolved through the registry (sha256 checked) and shipped to executors. */
  private static Map<String, ShippedTokenizer> tokenizers(StageContext ctx, RetrievalConfig cfg) {
    List<String> names = cfg.tokenizers().isEmpty() ? ctx.config().tokenizers() : cfg.tokenizers();
    if (names.isEmpty()) {
      throw new ConfigException("retrieval: no tokenizers; list them under 'retrieval.tokenizers' or 'tokenizers'");
    }
    TokenizerSet set = TokenizerSet.resolve(ctx.config().withTokenizers(names));
    Map<String, ShippedTokenizer> out = new LinkedHashMap<>();
    for (ShippedTokenizer t : set.ship(ctx.spark())) {
      out.put(t.name(), t);
    }
    for (TokenizerRegistry.Resolved r : set.resolved()) {
      ctx.manifest().tokenizer(r.name(), set.facts(r));
    }
    return out;
  }

  private static List<Row> tasks(RetrievalConfig cfg, List<String> keys, Iterable<String> tokenizers) {
    List<Row> out = new ArrayList<>();
    for (String key : keys) {
      for (String t : tokenizers) {
        for (RetrievalConfig.ChunkerGrid g : cfg.chunkers()) {
          for (int size : g.sizes()) {
            for (int overlap : g.overlaps()) {
              if (overlap < size) {
                out.add(RowFactory.create(key, t, g.type(), size, overlap));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
