package org.tokenometry.jobs.qa;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.ingest.TextRepair;
import org.tokenometry.udfs.qa.ChromaQuestionFile;
import org.tokenometry.udfs.qa.CorpusIds;
import org.tokenometry.udfs.qa.QuestionVerdict;
import org.tokenometry.udfs.qa.Reference;
import org.tokenometry.udfs.qa.ReferenceStatus;
import org.tokenometry.udfs.qa.ReferenceVerifier;
import org.tokenometry.udfs.tables.QuestionRow;

/**
 * Imports question files and verifies every reference against {@code documents}. The (small) references go to
 * the executors as a broadcast join on the source file stem, so document texts never move; only per-reference
 * verdicts come back to the driver, which assembles questions and per-file counts.
 */
public final class QuestionImport {
  /** One question file to import into one corpus. */
  public record Source(String path, String corpus, String format) {}

  /** Counts for one file; {@code referenceReasons} counts non-verified references by reason. */
  public static final class FileStats {
    public int questions;
    public int references;
    public int verifiedQuestions;
    public int verifiedReferences;
    public int mismatchedReferences;
    public int written;
    public final Map<String, Integer> questionStatus = new LinkedHashMap<>();
    public final Map<String, Integer> referenceReasons = new LinkedHashMap<>();

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("questions", questions);
      m.put("references", references);
      m.put("verified", verifiedQuestions);
      m.put("references_verified", verifiedReferences);
      m.put("mismatched", mismatchedReferences);
      m.put("written", written);
      m.put("question_status", questionStatus);
      m.put("reference_reasons", referenceReasons);
      return m;
    }
  }

  /** Rows for the questions table and counts per file (by path, in input order). */
  public record Result(List<Row> rows, Map<String, FileStats> stats) {}

  private static final StructType REFS = new StructType()
      .add("q", DataTypes.IntegerType)
      .add("r", DataTypes.IntegerType)
      .add("corpus", DataTypes.StringType)
      .add("stem", DataTypes.StringType)
      .add("content", DataTypes.StringType)
      .add("start", DataTypes.IntegerType)
      .add("end", DataTypes.IntegerType);

  private QuestionImport() {}

  public static Result run(SparkSession spark, Dataset<Row> documents, List<Source> sources,
      boolean keepUnverified, Integer maxReferenceSpan) {
    List<Source> entrySource = new ArrayList<>();
    List<ChromaQuestionFile.Entry> entries = new ArrayList<>();
    List<Row> refRows = new ArrayList<>();
    for (Source s : sources) {
      for (ChromaQuestionFile.Entry e : QuestionFiles.read(spark, s.path(), s.format())) {
        int q = entries.size();
        entries.add(e);
        entrySource.add(s);
        String stem = e.corpusId() == null ? "" : CorpusIds.stem(e.corpusId());
        for (int r = 0; r < e.references().size(); r++) {
          ChromaQuestionFile.Excerpt x = e.references().get(r);
          refRows.add(RowFactory.create(q, r, s.corpus(), stem, repaired(x.content()), x.start(), x.end()));
        }
      }
    }
    Map<Long, List<String[]>> matches = verify(spark, documents, refRows); // (q,r) -> [doc_id, status]...

    Map<String, FileStats> stats = new LinkedHashMap<>();
    for (Source s : sources) {
      stats.put(s.path(), new FileStats());
    }
    List<Row> rows = new ArrayList<>();
    for (int q = 0; q < entries.size(); q++) {
      ChromaQuestionFile.Entry e = entries.get(q);
      Source s = entrySource.get(q);
      FileStats st = stats.get(s.path());
      st.questions++;
      List<ReferenceStatus> verdicts = new ArrayList<>();
      List<Reference> refs = new ArrayList<>();
      for (int r = 0; r < e.references().size(); r++) {
        ChromaQuestionFile.Excerpt x = e.references().get(r);
        List<String[]> m = matches.getOrDefault(key(q, r), List.of());
        ReferenceStatus v;
        String docId = null;
        if (m.isEmpty()) {
          v = ReferenceStatus.UNKNOWN_CORPUS;
        } else if (m.size() > 1) {
          v = ReferenceStatus.AMBIGUOUS_CORPUS;
        } else {
          docId = m.get(0)[0];
          v = ReferenceStatus.valueOf(m.get(0)[1]);
        }
        verdicts.add(v);
        refs.add(new Reference(docId, x.start(), x.end(), repaired(x.content())));
        st.references++;
        if (v == ReferenceStatus.VERIFIED) {
          st.verifiedReferences++;
        } else {
          st.mismatchedReferences++;
          st.referenceReasons.merge(v.code(), 1, Integer::sum);
        }
      }
      ReferenceStatus status = e.problem() != null ? ReferenceStatus.MALFORMED_ROW : QuestionVerdict.of(verdicts);
      if (status == ReferenceStatus.VERIFIED && maxReferenceSpan != null
          && !QuestionVerdict.fitsWindow(e.references(), maxReferenceSpan)) {
        status = ReferenceStatus.SPAN_EXCEEDS_WINDOW;
      }
      st.questionStatus.merge(status.code(), 1, Integer::sum);
      if (status == ReferenceStatus.VERIFIED) {
        st.verifiedQuestions++;
      }
      if (status == ReferenceStatus.VERIFIED || keepUnverified) {
        String file = new org.apache.hadoop.fs.Path(s.path()).getName();
        rows.add(RowCodec.of(QuestionRow.class).toRow(new QuestionRow(file + ":" + e.line(), s.corpus(),
            e.question() == null ? "" : e.question(), refs, "import:" + file, status.code())));
        st.written++;
      }
    }
    return new Result(rows, stats);
  }

  private static long key(int q, int r) {
    return ((long) q << 32) | r;
  }

  /**
   * An excerpt as ingest repairs document text (control characters become spaces, in place): excerpts copied
   * from a raw file with NULs then match the ingested document at the same offsets.
   */
  private static String repaired(String content) {
    return content == null ? null : TextRepair.replaceControls(content);
  }

  private static Map<Long, List<String[]>> verify(SparkSession spark, Dataset<Row> documents, List<Row> refRows) {
    Map<Long, List<String[]>> out = new HashMap<>();
    if (refRows.isEmpty()) {
      return out;
    }
    UserDefinedFunction stem = udf((UDF1<String, String>) s -> s == null ? null : CorpusIds.stem(s),
        DataTypes.StringType);
    UserDefinedFunction check = udf((UDF4<String, String, Integer, Integer, String>)
        (text, content, start, end) -> ReferenceVerifier.check(text, content, start, end).name(),
        DataTypes.StringType);
    Dataset<Row> refs = spark.createDataFrame(refRows, REFS);
    Dataset<Row> docs = documents.select(col("doc_id"), col("corpus").as("doc_corpus"),
        stem.apply(col("source")).as("doc_stem"), col("text"));
    List<Row> verdicts = docs.join(broadcast(refs),
            col("doc_corpus").equalTo(col("corpus")).and(col("doc_stem").equalTo(col("stem"))))
        .select(col("q"), col("r"), col("doc_id"),
            check.apply(col("text"), col("content"), col("start"), col("end")).as("status"))
        .collectAsList();
    for (Row v : verdicts) {
      out.computeIfAbsent(key(v.getInt(0), v.getInt(1)), k -> new ArrayList<>())
          .add(new String[] {v.getString(2), v.getString(3)});
    }
    return out;
  }
}
