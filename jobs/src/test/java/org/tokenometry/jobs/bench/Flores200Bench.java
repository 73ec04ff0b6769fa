package org.tokenometry.jobs.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.Console;
import org.tokenometry.jobs.Pipeline;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.io.TableStore;

/**
 * Benchmark (not a unit test): FLORES-200 dev + devtest in line mode x the given tokenizers, through the real
 * tokenize stage in local mode. Until the ingest stage lands, documents are built here from the files
 * (doc_id = flores200:split:lang:line, parallel_id = flores200:split:line).
 *
 * <pre>java -cp ... org.tokenometry.jobs.bench.Flores200Bench DATA_DIR OUTPUT MASTER tok1,tok2,...</pre>
 */
public final class Flores200Bench {
  public static void main(String[] args) throws Exception {
    Path flores = Path.of(args[0], "flores200");
    String output = args[1];
    SparkSession spark = SparkSession.builder().master(args[2]).appName("flores200-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType).add("corpus", DataTypes.StringType)
        .add("domain", DataTypes.StringType).add("lang", DataTypes.StringType)
        .add("script", DataTypes.StringType).add("parallel_id", DataTypes.StringType)
        .add("source", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("n_bytes", DataTypes.LongType).add("n_chars", DataTypes.LongType)
        .add("n_words", DataTypes.LongType).add("n_sentences", DataTypes.LongType)
        .add("shard", DataTypes.IntegerType);
    List<Row> docs = new ArrayList<>();
    for (String split : List.of("dev", "devtest")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(flores.resolve(split))) {
        files = s.filter(p -> p.toString().endsWith("." + split)).sorted().toList();
      }
      for (Path f : files) {
        String lang = f.getFileName().toString().replace("." + split, "");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String t = lines.get(i);
          docs.add(RowFactory.create("flores200:" + split + ":" + lang + ":" + (i + 1), "flores200", split, lang,
              lang.substring(lang.indexOf('_') + 1), "flores200:" + split + ":" + (i + 1), f.toUri().toString(), t,
              (long) t.getBytes(StandardCharsets.UTF_8).length, (long) t.codePointCount(0, t.length()), 0L, 0L, 0));
        }
      }
    }
    PipelineConfig config = new PipelineConfig(output, List.of("tokenize"), null,
        Arrays.asList(args[3].split(",")), "/nonexistent/tokenizers.yaml", null, null, null, null, null, null);
    new TableStore(spark, output, "bench").write(spark.createDataFrame(docs, schema).repartition(16), "documents");
    System.out.println("documents: " + docs.size());
    long t0 = System.nanoTime();
    Pipeline.run(spark, config, new Console(new PrintStream(System.out), false));
    System.out.printf("tokenize stage wall time: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    spark.read().parquet(output + "/compression").createOrReplaceTempView("c");
    spark.sql("SELECT tokenizer, lang, round(avg(premium), 3) AS premium FROM c WHERE lang IN "
        + "('hin_Deva','mya_Mymr','zho_Hans','eng_Latn') GROUP BY tokenizer, lang ORDER BY tokenizer, lang")
        .show(200, false);
    spark.read().parquet(output + "/fairness").orderBy("gini").show(50, false);
    spark.stop();
  }
}
