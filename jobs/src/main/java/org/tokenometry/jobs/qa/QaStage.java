package org.tokenometry.jobs.qa;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.udfs.qa.DuplicateQuestionFilter;
import org.tokenometry.udfs.qa.LlmCounts;
import org.tokenometry.udfs.qa.LlmGenerationFailure;
import org.tokenometry.udfs.retrieval.MiniLmEmbedder;
import org.tokenometry.udfs.tables.QuestionRow;

/** documents (+ question files) -> questions: import and verify, or generate (extractive or LLM). */
public final class QaStage implements Stage {
  @Override
  public String name() {
    return "qa";
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    QaConfig qa = ctx.config().qa();
    Map<String, Object> m = ctx.manifest().stage(name());
    m.put("mode", qa.mode());
    Dataset<Row> documents = ctx.tables().read("documents");
    if ("import".equals(qa.mode())) {
      write(ctx, qa, importQuestions(ctx, qa, documents, m), m);
    } else {
      generate(ctx, qa, documents, m);
    }
    long written = ctx.tables().read(QuestionRow.TABLE).count();
    m.put("questions_written", written);
    ctx.console().info("[qa] wrote %d questions to %s", written, ctx.tables().path(QuestionRow.TABLE));
  }

  private void write(StageContext ctx, QaConfig qa, Dataset<Row> questions, Map<String, Object> m) {
    if (qa.dedupThreshold() != null) {
      questions = dedup(ctx, qa, questions, m);
    }
    ctx.tables().write(questions, QuestionRow.TABLE);
  }

  private Dataset<Row> importQuestions(StageContext ctx, QaConfig qa, Dataset<Row> documents,
      Map<String, Object> m) {
    List<QuestionImport.Source> sources = qa.imports().stream()
        .map(f -> new QuestionImport.Source(f.path(), f.corpus(), f.format())).toList();
    QuestionImport.Result r = QuestionImport.run(ctx.spark(), documents, sources, qa.keepUnverified(),
        qa.maxReferenceSpan());
    Map<String, Object> files = new LinkedHashMap<>();
    for (var e : r.stats().entrySet()) {
      QuestionImport.FileStats s = e.getValue();
      files.put(e.getKey(), s.asMap());
      ctx.manifest().input(e.getKey(), Map.of("kind", "questions", "questions", s.questions));
      ctx.console().info("[qa] %s: %d questions, %d references, %d questions verified, %d references "
          + "mismatched %s", e.getKey(), s.questions, s.references, s.verifiedQuestions, s.mismatchedReferences,
          s.referenceReasons.isEmpty() ? "" : s.referenceReasons.toString());
    }
    m.put("files", files);
    return ctx.spark().createDataFrame(r.rows(), RowCodec.of(QuestionRow.class).schema());
  }

  private void generate(StageContext ctx, QaConfig qa, Dataset<Row> documents, Map<String, Object> m)
      throws LlmGenerationFailure {
    if ("llm".equals(qa.mode())) {
      QaConfig.Llm l = qa.llm();
      if (l.baseUrl() == null || l.model() == null) {
        throw new ConfigException("qa.mode llm needs qa.llm.base_url and qa.llm.model");
      }
      if (l.apiKeyEnv() != null && System.getenv(l.apiKeyEnv()) == null) {
        throw new ConfigException("qa.llm.api_key_env names " + l.apiKeyEnv()
            + ", which is not set in the environment; export it (on a cluster also pass it to executors with "
            + "spark.executorEnv." + l.apiKeyEnv() + ")");
      }
    }
    Dataset<Row> docs = documents;
    if (!qa.corpora().isEmpty()) {
      docs = docs.filter(col("corpus").isin(qa.corpora().toArray()));
    }
    long total = docs.count();
    int parallelism = ctx.spark().sparkContext().defaultParallelism();
    docs = docs.select("doc_id", "corpus", "text").repartition(Math.max(1, Math.min((int) total, parallelism * 4)));
    var sc = ctx.spark().sparkContext();
    CountsAccumulator llmCounts = new CountsAccumulator();
    sc.register(llmCounts, "qa.llm");
    QuestionGeneration.Progress p = new QuestionGeneration.Progress(sc.longAccumulator("qa.documents"),
        sc.longAccumulator("qa.questions"), sc.collectionAccumulator("qa.rejected"), llmCounts,
        sc.collectionAccumulator("qa.llm.failures"));
    QuestionGeneration gen = new QuestionGeneration(qa, p);
    Dataset<Row> out = gen.apply(docs);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "qa-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> ctx.console().info("[qa] %d/%d documents, %d questions",
        p.documents().value(), total, p.questions().value()), 10, 10, TimeUnit.SECONDS);
    TableStore.Staged staged;
    try {
      // the accumulators fill during this one action; the previous table stays until commit
      staged = ctx.tables().stage(qa.dedupThreshold() != null ? dedup(ctx, qa, out, m) : out, QuestionRow.TABLE,
          Map.of());
    } finally {
      ticker.shutdownNow();
    }
    Map<String, Integer> rejected = new TreeMap<>();
    for (String reason : p.rejected().value()) {
      rejected.merge(reason, 1, Integer::sum);
    }
    m.put("generator", gen.generatorName());
    m.put("documents", total);
    m.put("questions", p.questions().value());
    m.put("rejected", rejected);
    boolean llm = "llm".equals(qa.mode());
    Long attempts = llm ? llmCounts.value().getOrDefault(LlmCounts.ATTEMPTS, 0L) : null;
    ctx.console().info("[qa] %s", summary(gen.generatorName(), total, p.questions().value(), attempts, rejected));
    if (llm) {
      LlmOutcome outcome = new LlmOutcome(gen.endpoint(), gen.model(), llmCounts.value());
      m.put("llm", outcome.section());
      ctx.console().info("[qa] %s", outcome.line());
      String failure = p.failures().value().isEmpty() ? outcome.failure().orElse(null) : p.failures().value().get(0);
      if (failure != null) {
        staged.discard();
        throw new LlmGenerationFailure(failure);
      }
    }
    staged.commit();
  }

  /** "llm:m: 3 documents -> 2 questions from 3 attempts; 1 rejected (excerpt not found: 1)". */
  static String summary(String generator, long documents, long questions, Long attempts,
      Map<String, Integer> rejected) {
    List<String> reasons = new ArrayList<>();
    rejected.forEach((reason, n) -> reasons.add(reason.replace('_', ' ') + ": " + n));
    int total = rejected.values().stream().mapToInt(Integer::intValue).sum();
    return generator + ": " + LlmOutcome.plural(documents, "document", "documents") + " -> "
        + LlmOutcome.plural(questions, "question", "questions")
        + (attempts == null ? "" : " from " + LlmOutcome.plural(attempts, "attempt", "attempts")) + "; "
        + (total == 0 ? "none rejected" : total + " rejected (" + String.join(", ", reasons) + ")");
  }

  private Dataset<Row> dedup(StageContext ctx, QaConfig qa, Dataset<Row> questions, Map<String, Object> m) {
    // all-MiniLM-L6-v2 (the dense retriever's model): near-duplicate questions have a high cosine
    DuplicateQuestionFilter filter = new DuplicateQuestionFilter(MiniLmEmbedder::embed, qa.dedupThreshold());
    Map<String, List<Row>> byCorpus = new LinkedHashMap<>();
    for (Row r : questions.collectAsList()) {
      byCorpus.computeIfAbsent(r.<String>getAs("corpus"), k -> new ArrayList<>()).add(r);
    }
    List<Row> kept = new ArrayList<>();
    int dropped = 0;
    for (List<Row> rows : byCorpus.values()) {
      boolean[] keep = filter.keep(rows.stream().map(r -> r.<String>getAs("question")).toList());
      for (int i = 0; i < keep.length; i++) {
        if (keep[i]) {
          kept.add(rows.get(i));
        } else {
          dropped++;
        }
      }
    }
    m.put("duplicates_dropped", dropped);
    return ctx.spark().createDataFrame(kept, RowCodec.of(QuestionRow.class).schema());
  }
}
