package org.tokenometry.jobs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A pipeline config (conf/*.yaml). Each stage owns its own section class; unknown keys are errors
 * (reported with file, line and column by {@link ConfigLoader}).
 */
public record PipelineConfig(
    @JsonProperty("output") String output,
    @JsonProperty("stages") List<String> stages,
    @JsonProperty("corpora") List<CorpusConfig> corpora,
    @JsonProperty("tokenizers") List<String> tokenizers,
    @JsonProperty("tokenizer_registry") String tokenizerRegistry,
    @JsonProperty("ingest") IngestConfig ingest,
    @JsonProperty("tokenize") TokenizeConfig tokenize,
    @JsonProperty("qa") QaConfig qa,
    @JsonProperty("retrieval") RetrievalConfig retrieval,
    @JsonProperty("report") ReportConfig report,
    @JsonProperty("spark") Map<String, String> spark) {

  public static final List<String> ALL_STAGES = List.of("ingest", "tokenize", "qa", "retrieval", "report");

  public PipelineConfig {
    output = output == null ? "output" : output;
    stages = stages == null ? ALL_STAGES : List.copyOf(stages);
    if (stages.isEmpty()) {
      throw ConfigException.at("stages", "'stages' is empty: list the stages to run, e.g. " + ALL_STAGES
          + ", or leave the key out for all of them");
    }
    corpora = corpora == null ? List.of() : List.copyOf(corpora);
    tokenizers = tokenizers == null ? List.of() : List.copyOf(tokenizers);
    // null: the installation's registry (ConfiguredRegistry), wherever the config file lives
    ingest = ingest == null ? IngestConfig.defaults() : ingest;
    tokenize = tokenize == null ? TokenizeConfig.defaults() : tokenize;
    qa = qa == null ? QaConfig.defaults() : qa;
    retrieval = retrieval == null ? RetrievalConfig.defaults() : retrieval;
    report = report == null ? ReportConfig.defaults() : report;
    spark = spark == null ? Map.of() : Map.copyOf(spark);
  }

  public PipelineConfig withOutput(String newOutput) {
    return new PipelineConfig(newOutput, stages, corpora, tokenizers, tokenizerRegistry, ingest, tokenize, qa,
        retrieval, report, spark);
  }

  public PipelineConfig withTokenizers(List<String> newTokenizers) {
    return new PipelineConfig(output, stages, corpora, newTokenizers, tokenizerRegistry, ingest, tokenize, qa,
        retrieval, report, spark);
  }

  public PipelineConfig withStages(List<String> newStages) {
    return new PipelineConfig(output, newStages, corpora, tokenizers, tokenizerRegistry, ingest, tokenize, qa,
        retrieval, report, spark);
  }
}
