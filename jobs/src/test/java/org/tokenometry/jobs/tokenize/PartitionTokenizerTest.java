package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;

/**
 * Documents go through the tokenizers in blocks (tokenizer-major inside a block): whatever the block limits,
 * every document gets exactly one row per tokenizer with the same counts, and the group aggregates agree.
 */
class PartitionTokenizerTest {
  private static final StructType SCHEMA = new StructType().add("doc_id", DataTypes.StringType)
      .add("corpus", DataTypes.StringType).add("domain", DataTypes.StringType).add("lang", DataTypes.StringType)
      .add("parallel_id", DataTypes.StringType).add("text", DataTypes.StringType);
  private static final List<ShippedTokenizer> TOKENIZERS = List.of(
      new ShippedTokenizer("utf8_bytes", "baseline", null, null, null),
      new ShippedTokenizer("chars", "baseline", null, null, null),
      new ShippedTokenizer("words", "baseline", null, null, null));
  // 7 documents in two languages: blocks of 3 end inside a language and leave a last block of one
  private static final String[][] DOCS = {
      {"e1", "eng", "Hi, you!"}, {"e2", "eng", "Two words"}, {"e3", "eng", ""}, {"e4", "eng", "naïve café"},
      {"f1", "fra", "Ça va ?"}, {"f2", "fra", "Oui."}, {"f3", "fra", "Très bien, merci."}};

  private static Iterator<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String[] d : DOCS) {
      rows.add(new GenericRowWithSchema(new Object[] {d[0], "c", "general", d[1], d[0].substring(1), d[2]},
          SCHEMA));
    }
    return rows.iterator();
  }

  /** doc_id/tokenizer -> "tokens bytes chars words" of every emitted row, and the accumulated groups. */
  private record Run(Map<String, String> rows, Map<GroupKey, GroupStats> groups) {}

  private static Run run(int blockDocs, long blockChars) {
    GroupStatsAccumulator acc = new GroupStatsAccumulator();
    Iterator<Row> out = new PartitionTokenizer(TOKENIZERS, acc, blockDocs, blockChars).call(rows());
    Map<String, String> rows = new TreeMap<>();
    while (out.hasNext()) {
      Row r = out.next();
      String key = r.getString(0) + "/" + r.getString(1);
      String previous = rows.put(key, r.get(6) + " " + r.get(7) + " " + r.get(8) + " " + r.get(9));
      assertEquals(null, previous, "two rows for " + key);
    }
    return new Run(rows, acc.value());
  }

  @Test
  void everyDocumentOnceWithEveryTokenizerWhateverTheBlocks() {
    Run oneByOne = run(1, Long.MAX_VALUE);
    assertEquals(DOCS.length * TOKENIZERS.size(), oneByOne.rows().size());
    // utf8_bytes emits one token per byte, chars one per code point, words one per word or punctuation mark
    assertEquals("12 12 10 2", oneByOne.rows().get("e4/utf8_bytes"));
    assertEquals("10 12 10 2", oneByOne.rows().get("e4/chars"));
    assertEquals("4 8 8 2", oneByOne.rows().get("e1/words"));
    assertEquals("0 0 0 0", oneByOne.rows().get("e3/words"));
    for (Run blocked : List.of(run(3, Long.MAX_VALUE), run(2048, 1 << 20), run(2048, 5))) {
      assertEquals(oneByOne.rows(), blocked.rows());
      assertEquals(oneByOne.groups().keySet(), blocked.groups().keySet());
      oneByOne.groups().forEach((k, g) -> {
        GroupStats b = blocked.groups().get(k);
        assertEquals(g.compression().docs(), b.compression().docs(), k.toString());
        assertEquals(g.compression().tokens(), b.compression().tokens(), k.toString());
        assertEquals(g.coverage().ids().distinct(), b.coverage().ids().distinct(), k.toString());
        assertArrayEquals(g.parallelIdSums(), b.parallelIdSums(), k.toString());
      });
    }
  }
}
