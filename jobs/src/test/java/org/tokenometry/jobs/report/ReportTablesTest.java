package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.SparkTest;
import org.tokenometry.udfs.metrics.VocabCensus;
import org.tokenometry.udfs.tables.VocabTokensRow;

/**
 * The report's reading of the tokenizer-health tables: each collected whole into its records, except
 * {@code vocab_tokens}, of which Spark picks only the census's examples; a table that is not there is named.
 */
class ReportTablesTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void readsTheHealthTablesAndOnlyTheExamplePieces() {
    TableStore store = new TableStore(spark, dir.toString(), "t");
    HealthFixtures.write(spark, store);
    ReportData data = ReportTables.load(store);
    assertEquals(sorted(HealthFixtures.roundtrip()), sorted(data.roundtrip()));
    assertEquals(sorted(HealthFixtures.robustness()), sorted(data.robustness()));
    assertEquals(sorted(HealthFixtures.numbers()), sorted(data.numbers()));
    assertEquals(sorted(HealthFixtures.vocabHealth()), sorted(data.vocabHealth()));
    // 4 tokenizers x 6 classes with pieces of their own x 7 pieces were written; the five longest of each class
    // are read (subsumed ones are the never-emitted ones, counted once): 4 x 6 x 5
    assertEquals(4 * 6 * 7, HealthFixtures.vocabTokens().size());
    assertEquals(4 * 6 * 5, data.vocabExamples().size());
    for (String tk : ReportFixtures.TOKENIZERS) {
      for (String flag : VocabCensus.FLAGS) {
        int base = 1000 * (flag.equals(VocabCensus.SUBSUMED) ? VocabCensus.FLAGS.indexOf(VocabCensus.NEVER_EMITTED)
            : VocabCensus.FLAGS.indexOf(flag));
        // pieces k = 0..6 have 3, 8, 6, 4, 9, 7, 5 bytes: longest first
        assertEquals(List.of(base + 4, base + 1, base + 5, base + 2, base + 6),
            VocabExamples.of(data.vocabExamples(), tk, flag).stream().map(VocabTokensRow::id).toList(),
            tk + " " + flag);
      }
    }
    assertEquals(List.of("compression", "coverage", "fairness", "vocab_profile", "retrieval", "rejects"),
        data.missing());
  }

  @Test
  void tiesGoToTheLowestId() {
    TableStore store = new TableStore(spark, dir.toString(), "t");
    List<VocabTokensRow> rows = new ArrayList<>();
    for (int id = 20; id > 0; id--) {
      rows.add(new VocabTokensRow("A", id, "x", "x", 1, "Latn", List.of("single_byte"), 1));
    }
    store.write(RowCodec.of(VocabTokensRow.class).dataFrame(spark, rows), "vocab_tokens");
    ReportData data = ReportTables.load(store);
    assertEquals(List.of(1, 2, 3, 4, 5), data.vocabExamples().stream().map(VocabTokensRow::id).sorted().toList());
    assertTrue(data.missing().containsAll(List.of("roundtrip", "robustness", "numbers", "vocab_health")));
  }

  private static <R extends Record> List<String> sorted(List<R> rows) {
    return rows.stream().map(Record::toString).sorted(Comparator.naturalOrder()).toList();
  }
}
