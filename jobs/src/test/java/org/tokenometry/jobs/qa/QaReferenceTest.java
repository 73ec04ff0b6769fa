package org.tokenometry.jobs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.QaConfig;
import org.tokenometry.jobs.qa.QaFixtures.Doc;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.ingest.TextRepair;

/** The qa stage on the reference question sets and corpora (../shared/data). */
@Tag("reference")
class QaReferenceTest extends SparkTest {
  @TempDir Path tmp;

  /** One document per file, as ingest's file mode makes them (text exactly as in the file). */
  private static List<Doc> docs(String corpus, Path dir, String ext) throws IOException {
    List<Doc> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(ext)).sorted().toList()) {
        // the text as ingest stores it (broadcom.txt's NULs become spaces in place; its references carry NULs)
        out.add(new Doc(corpus + ":" + f.getFileName(), corpus, f.toUri().toString(),
            TextRepair.repair(Files.readString(f, StandardCharsets.UTF_8)).text()));
      }
    }
    return out;
  }

  /** Every written reference's content is the document text at its code-point offsets, character for character. */
  private static void assertContentsAtOffsets(List<Row> rows, List<Doc> docs) {
    Map<String, String> text = new HashMap<>();
    docs.forEach(d -> text.put(d.docId(), d.text()));
    for (Row r : rows) {
      for (Row ref : r.<Row>getList(3)) {
        String t = text.get(ref.getString(0));
        int s = t.offsetByCodePoints(0, ref.getInt(1));
        int e = t.offsetByCodePoints(s, ref.getInt(2) - ref.getInt(1));
        assertEquals(ref.getString(3), t.substring(s, e), r.getString(0));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fileStats(QaFixtures.Ctx ctx, String path) {
    return (Map<String, Object>) ((Map<String, Object>) ctx.context.manifest().stage("qa").get("files")).get(path);
  }

  @Test
  void chromaQuestionsAllResolveAndEveryReferenceMatches() throws Exception {
    Path root = ReferenceData.root().resolve("chunking-eval");
    List<Doc> docs = docs("chunking_eval", root.resolve("corpora"), ".md");
    assertEquals(5, docs.size());
    String csv = root.resolve("questions.csv").toString();
    var ctx = QaFixtures.context(spark, tmp.resolve("ce").toString(),
        QaFixtures.importing(false, null, new QaConfig.ImportFile(csv, "chunking_eval", null)), docs);
    new QaStage().run(ctx.context);
    Map<String, Object> s = fileStats(ctx, csv);
    System.out.println("[qa reference] chunking-eval questions.csv: " + s);
    assertEquals(472, s.get("questions"));
    assertEquals(790, s.get("references"));
    assertEquals(472, s.get("verified"));
    assertEquals(0, s.get("mismatched"));
    List<Row> rows = ctx.context.tables().read("questions").collectAsList();
    assertEquals(472, rows.size());
    assertContentsAtOffsets(rows, docs);
  }

  /**
   * Expected counts were computed independently with Python over the same files (json + csv modules, Python
   * string slicing): questions, references with end beyond the document, blank references, questions whose
   * references all match but span more than the generator's 4000-character window, and fully consistent
   * questions. No reference of these files has content that differs from the text at its offsets: the defect
   * is offsets shifted with the content re-sliced there, which only the span check can see.
   */
  private record Expected(int questions, int outOfRange, int blank, int spanExceeds, int verified) {}

  @Test
  void domainQuestionSetsReportTheirBadReferencesPerFile() throws Exception {
    Path data = ReferenceData.root().resolve("domain");
    Map<String, List<Doc>> corpora = new LinkedHashMap<>();
    corpora.put("finance", docs("finance", data.resolve("finance"), ".txt"));
    corpora.put("pubmed", docs("pubmed", data.resolve("pubmed"), ".txt"));
    corpora.put("cyber", docs("cyber", data.resolve("cyber"), ".txt"));
    Map<String, Expected> expected = new LinkedHashMap<>();
    expected.put("finance_results_DeepSeek-R1-Distill-Llama-70B.csv", new Expected(519, 5, 0, 124, 392));
    expected.put("finance_results_DeepSeek-R1-Distill-Qwen-32B-Final.csv", new Expected(512, 1, 0, 48, 463));
    expected.put("finance_results_DeepSeek-R1-Distill-Qwen-32B.csv", new Expected(286, 0, 0, 24, 262));
    expected.put("finance_results_phi4.csv", new Expected(613, 2, 0, 88, 524));
    expected.put("pubmed_results_DeepSeek-R1-Distill-Llama-70B.csv", new Expected(50, 0, 0, 9, 41));
    expected.put("pubmed_results_DeepSeek-R1-Distill-Qwen-32B.csv", new Expected(50, 0, 0, 5, 45));
    expected.put("pubmed_results_DeepSeek-R1.csv", new Expected(50, 0, 0, 13, 37));
    expected.put("pubmed_results_phi-4.csv", new Expected(50, 1, 0, 5, 44));
    expected.put("cybersecurity_results_DeepSeek-R1-Distill-Llama-70B.csv", new Expected(100, 1, 3, 29, 67));
    expected.put("cybersecurity_results_DeepSeek-R1-Distill-Qwen-32B.csv", new Expected(100, 0, 4, 15, 83));
    expected.put("cybersecurity_results_DeepSeek-R1.csv", new Expected(100, 2, 0, 32, 66));
    expected.put("cybersecurity_results_phi-4.csv", new Expected(100, 0, 0, 8, 91)); // + 1 row without references
    List<QaConfig.ImportFile> imports = new ArrayList<>();
    for (String f : expected.keySet()) {
      String corpus = f.startsWith("finance") ? "finance" : f.startsWith("pubmed") ? "pubmed" : "cyber";
      imports.add(new QaConfig.ImportFile(data.resolve("qa").resolve(f).toString(), corpus, null));
    }
    List<Doc> all = corpora.values().stream().flatMap(List::stream).toList();
    var ctx = QaFixtures.context(spark, tmp.resolve("dom").toString(), new QaConfig("import", null, imports,
        false, 4000, null, null, null, null), all);
    new QaStage().run(ctx.context);
    int totalVerified = 0;
    for (var e : expected.entrySet()) {
      Map<String, Object> s = fileStats(ctx, data.resolve("qa").resolve(e.getKey()).toString());
      System.out.println("[qa reference] " + e.getKey() + ": " + s);
      Expected x = e.getValue();
      @SuppressWarnings("unchecked")
      Map<String, Integer> status = (Map<String, Integer>) s.get("question_status");
      @SuppressWarnings("unchecked")
      Map<String, Integer> reasons = (Map<String, Integer>) s.get("reference_reasons");
      assertEquals(x.questions(), s.get("questions"), e.getKey());
      assertEquals(x.outOfRange(), reasons.getOrDefault("out_of_range", 0), e.getKey());
      assertEquals(x.blank(), reasons.getOrDefault("empty_reference", 0), e.getKey());
      assertEquals(0, reasons.getOrDefault("offset_mismatch", 0), e.getKey());
      assertEquals(x.outOfRange() + x.blank(), s.get("mismatched"), e.getKey());
      assertEquals(x.spanExceeds(), status.getOrDefault("span_exceeds_window", 0), e.getKey());
      assertEquals(x.verified(), s.get("verified"), e.getKey());
      // every file carries the shifted-reference defect in some multi-reference rows
      assertTrue(x.spanExceeds() > 0);
      totalVerified += x.verified();
    }
    assertEquals(1, fileStats(ctx, data.resolve("qa/cybersecurity_results_phi-4.csv").toString())
        .entrySet().stream().filter(en -> en.getKey().equals("question_status")).map(en ->
            ((Map<?, ?>) en.getValue()).get("malformed_row")).findFirst().orElseThrow());
    List<Row> rows = ctx.context.tables().read("questions").collectAsList();
    assertEquals(totalVerified, rows.size());
    assertContentsAtOffsets(rows, all);
  }

  @Test
  void extractiveGeneratorGivesAtLeastFiftyVerifiedQuestionsPerDomainCorpus() throws Exception {
    Path data = ReferenceData.root().resolve("domain");
    List<Doc> all = new ArrayList<>();
    all.addAll(docs("finance", data.resolve("finance"), ".txt"));
    all.addAll(docs("pubmed", data.resolve("pubmed"), ".txt"));
    all.addAll(docs("cyber", data.resolve("cyber"), ".txt"));
    // pubmed is a single document, so ask for 60 per document
    QaConfig qa = new QaConfig("extractive", null, null, false, null, 42L,
        new QaConfig.Extractive(60, null, null, null, null), null, null);
    var ctx = QaFixtures.context(spark, tmp.resolve("ex").toString(), qa, all);
    new QaStage().run(ctx.context);
    List<Row> rows = ctx.context.tables().read("questions").collectAsList();
    Map<String, Integer> perCorpus = new LinkedHashMap<>();
    Map<Integer, Integer> refCounts = new java.util.TreeMap<>();
    for (Row r : rows) {
      assertEquals("verified", r.getString(5));
      int n = r.getList(3).size();
      assertTrue(n >= 1 && n <= 5, r.toString());
      perCorpus.merge(r.getString(1), 1, Integer::sum);
      refCounts.merge(n, 1, Integer::sum);
    }
    System.out.println("[qa reference] extractive questions per corpus " + perCorpus + ", by reference count "
        + refCounts + ", manifest " + ctx.context.manifest().stage("qa"));
    rows.stream().limit(5).forEach(r -> System.out.println("[qa reference] sample: " + r.getString(2)));
    for (String c : List.of("finance", "pubmed", "cyber")) {
      assertTrue(perCorpus.getOrDefault(c, 0) >= 50, c + ": " + perCorpus);
    }
    assertTrue(refCounts.keySet().stream().anyMatch(k -> k > 1), "some questions have several references");
    assertContentsAtOffsets(rows, all);
  }
}
