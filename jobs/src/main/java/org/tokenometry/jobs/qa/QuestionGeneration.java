package org.tokenometry.jobs.qa;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.qa.ChatCompletionsClient;
import org.tokenometry.udfs.qa.ExtractiveQuestionGenerator;
import org.tokenometry.udfs.qa.GeneratedQuestion;
import org.tokenometry.udfs.qa.LlmCounts;
import org.tokenometry.udfs.qa.LlmGenerationFailure;
import org.tokenometry.udfs.qa.LlmQuestionGenerator;
import org.tokenometry.udfs.qa.QuestionVerdict;
import org.tokenometry.udfs.qa.Reference;
import org.tokenometry.udfs.qa.ReferenceStatus;
import org.tokenometry.udfs.qa.ReferenceVerifier;
import org.tokenometry.udfs.tables.QuestionRow;
import org.tokenometry.udfs.text.CodePointOffsets;

/**
 * Generates questions in the executors, one document at a time (documents are spread over partitions). Every
 * generated reference is re-verified against its document before it is written, so a generator bug shows up
 * as a status instead of a silently wrong offset. Progress, rejection reasons and the LLM's counts travel back
 * in accumulators. An LLM endpoint that refuses or cannot be reached ({@link LlmGenerationFailure}) stops the
 * generation: its message goes back in {@link Progress#failures} (no task fails, so Spark neither retries nor
 * logs a stack trace) and the driver fails the stage before anything replaces the previous table.
 */
public final class QuestionGeneration implements MapPartitionsFunction<Row, Row> {
  /** Counters the driver reads while the job runs and after it ends. */
  public record Progress(LongAccumulator documents, LongAccumulator questions,
      CollectionAccumulator<String> rejected, CountsAccumulator llm, CollectionAccumulator<String> failures)
      implements Serializable {}

  /** Generations (by id) an endpoint failure stopped: later tasks in the same JVM stop without asking. */
  private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();

  private final String generationId = UUID.randomUUID().toString();
  private final String mode;
  private final long seed;
  private final boolean keepUnverified;
  private final Progress progress;
  // extractive
  private final int[] extractive;
  // llm (the key is read from the environment in each executor, never shipped with the task)
  private final String baseUrl;
  private final String model;
  private final String apiKeyEnv;
  private final double temperature;
  private final int llmQuestions;
  private final int llmWindow;
  private final double timeoutSeconds;
  private final int maxRetries;
  private final double requestsPerSecond;
  private final String cacheDir;
  private final int fuzzyThreshold;

  public QuestionGeneration(QaConfig qa, Progress progress) {
    this.mode = qa.mode();
    this.seed = qa.seed();
    this.keepUnverified = qa.keepUnverified();
    this.progress = progress;
    QaConfig.Extractive x = qa.extractive();
    this.extractive = new int[] {x.questionsPerDocument(), x.windowChars(), x.maxReferences(),
        x.minSentenceChars(), x.maxSentenceChars()};
    QaConfig.Llm l = qa.llm();
    this.baseUrl = l.baseUrl();
    this.model = l.model();
    this.apiKeyEnv = l.apiKeyEnv();
    this.temperature = l.temperature();
    this.llmQuestions = l.questionsPerDocument();
    this.llmWindow = l.windowChars();
    this.timeoutSeconds = l.timeoutSeconds();
    this.maxRetries = l.maxRetries();
    this.requestsPerSecond = l.requestsPerSecond();
    this.cacheDir = l.cacheDir();
    this.fuzzyThreshold = l.fuzzyThreshold();
  }

  /** Documents (doc_id, corpus, text) in, question rows out. */
  public Dataset<Row> apply(Dataset<Row> documents) {
    return documents.select("doc_id", "corpus", "text").mapPartitions(this, Encoders.row(RowCodec.of(QuestionRow.class).schema()));
  }

  /** The endpoint as the console and manifest show it (without any user:password in the URL). */
  public String endpoint() {
    return ChatCompletionsClient.display(baseUrl);
  }

  public String model() {
    return model;
  }

  public String generatorName() {
    return "llm".equals(mode) ? "llm:" + model : "extractive";
  }

  @Override
  public Iterator<Row> call(Iterator<Row> docs) throws Exception {
    ExtractiveQuestionGenerator ex = null;
    LlmQuestionGenerator llm = null;
    LlmCounts counts = new LlmCounts();
    if ("llm".equals(mode)) {
      String key = apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
      llm = new LlmQuestionGenerator(new ChatCompletionsClient(new ChatCompletionsClient.Settings(baseUrl, model,
          key, temperature, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), maxRetries, requestsPerSecond,
          cacheDir == null ? null : Path.of(cacheDir), Duration.ofSeconds(1)), counts),
          new LlmQuestionGenerator.Settings(llmQuestions, llmWindow, fuzzyThreshold));
    } else {
      ex = new ExtractiveQuestionGenerator(new ExtractiveQuestionGenerator.Settings(extractive[0], extractive[1],
          extractive[2], extractive[3], extractive[4]));
    }
    String generator = generatorName();
    List<Row> out = new ArrayList<>();
    while (docs.hasNext() && !STOPPED.contains(generationId)) {
      Row d = docs.next();
      String docId = d.getString(0);
      String corpus = d.getString(1);
      String text = d.getString(2);
      List<GeneratedQuestion> qs;
      if (llm != null) {
        LlmQuestionGenerator.Result r;
        try {
          r = llm.generate(docId, text, seed);
        } catch (LlmGenerationFailure f) {
          STOPPED.add(generationId);
          progress.failures().add(f.getMessage());
          break;
        }
        qs = r.questions();
        counts.add(LlmCounts.ACCEPTED, qs.size());
        counts.add(LlmCounts.ATTEMPTS, qs.size());
        for (Map.Entry<String, Integer> e : r.rejected().entrySet()) {
          counts.add(LlmCounts.ATTEMPTS, e.getValue());
          counts.add(LlmCounts.REJECTED + e.getKey(), e.getValue());
          for (int i = 0; i < e.getValue(); i++) {
            progress.rejected().add(e.getKey());
          }
        }
      } else {
        qs = ex.generate(docId, text, seed);
      }
      CodePointOffsets cps = CodePointOffsets.of(text);
      for (int i = 0; i < qs.size(); i++) {
        GeneratedQuestion q = qs.get(i);
        List<ReferenceStatus> v = new ArrayList<>();
        for (Reference ref : q.references()) {
          v.add(ReferenceVerifier.check(text, cps, ref.content(), ref.start(), ref.end()));
        }
        ReferenceStatus status = QuestionVerdict.of(v);
        if (status != ReferenceStatus.VERIFIED) {
          progress.rejected().add(status.code());
          if (!keepUnverified) {
            continue;
          }
        }
        out.add(RowCodec.of(QuestionRow.class).toRow(new QuestionRow(generator + ":" + docId + ":" + i, corpus,
            q.question(), q.references(), generator, status.code())));
        progress.questions().add(1);
      }
      progress.documents().add(1);
    }
    if (llm != null) {
      progress.llm().add(counts.asMap());
    }
    return out.iterator();
  }
}
