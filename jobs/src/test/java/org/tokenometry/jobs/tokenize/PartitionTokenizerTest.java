package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;

/**
 * Documents go through the tokenizers in blocks (tokenizer-major inside a block): whatever the block limits,
 * every document gets exactly one row per tokenizer with the same counts, and the group aggregates in the side
 * file agree.
 */
class PartitionTokenizerTest {
  private static final List<ShippedTokenizer> TOKENIZERS = List.of(
      new ShippedTokenizer("utf8_bytes", "baseline", null, null, null),
      new ShippedTokenizer("chars", "baseline", null, null, null),
      new ShippedTokenizer("words", "baseline", null, null, null));
  // 7 documents in two languages: blocks of 3 end inside a language and leave a last block of one
  private static final String[][] DOCS = {
      {"e1", "eng", "Hi, you!"}, {"e2", "eng", "Two words"}, {"e3", "eng", ""}, {"e4", "eng", "naïve café"},
      {"f1", "fra", "Ça va ?"}, {"f2", "fra", "Oui."}, {"f3", "fra", "Très bien, merci."}};

  @TempDir
  Path tmp;

  private static Iterator<InternalRow> rows() {
    List<InternalRow> rows = new ArrayList<>();
    for (String[] d : DOCS) {
      rows.add(new GenericInternalRow(new Object[] {u(d[0]), u("c"), u("general"), u(d[1]), u(d[0].substring(1)),
          u(d[2])}));
    }
    return rows.iterator();
  }

  private static UTF8String u(String s) {
    return UTF8String.fromString(s);
  }

  /** doc_id/tokenizer -> "tokens bytes chars words sentences" of every emitted row, and the side file's groups. */
  private record Run(Map<String, String> rows, Map<GroupKey, GroupStats> groups) {}

  private Run run(int blockDocs, long blockChars) throws Exception {
    Path dir = tmp.resolve("groups-" + blockDocs + "-" + blockChars);
    HadoopConf conf = new HadoopConf(new Configuration());
    Iterator<InternalRow> out = new PartitionTokenizer(TOKENIZERS, dir.toString(), conf, 0, 0, blockDocs, blockChars)
        .call(rows());
    Map<String, String> rows = new TreeMap<>();
    while (out.hasNext()) {
      InternalRow r = out.next();
      String key = r.getUTF8String(0) + "/" + r.getUTF8String(1);
      String previous = rows.put(key, r.getLong(6) + " " + r.getLong(7) + " " + r.getLong(8) + " " + r.getLong(9)
          + " " + r.getLong(10));
      assertNull(previous, "two rows for " + key);
    }
    Map<GroupKey, GroupStats> groups = new TreeMap<>(java.util.Comparator.comparing(GroupKey::toString));
    GroupPartials.read(dir.resolve("part-0").toString(), conf)
        .forEachRemaining(kv -> groups.merge(kv._1(), kv._2(), GroupStats::merge));
    return new Run(rows, groups);
  }

  @Test
  void everyDocumentOnceWithEveryTokenizerWhateverTheBlocks() throws Exception {
    Run oneByOne = run(1, Long.MAX_VALUE);
    assertEquals(DOCS.length * TOKENIZERS.size(), oneByOne.rows().size());
    // utf8_bytes emits one token per byte, chars one per code point, words one per word or punctuation mark
    assertEquals("12 12 10 2 1", oneByOne.rows().get("e4/utf8_bytes"));
    assertEquals("10 12 10 2 1", oneByOne.rows().get("e4/chars"));
    assertEquals("4 8 8 2 1", oneByOne.rows().get("e1/words"));
    assertEquals("0 0 0 0 0", oneByOne.rows().get("e3/words"));
    assertEquals(2 * TOKENIZERS.size(), oneByOne.groups().size()); // eng and fra under each tokenizer
    for (Run blocked : List.of(run(3, Long.MAX_VALUE), run(2048, 1 << 20), run(2048, 5))) {
      assertEquals(oneByOne.rows(), blocked.rows());
      assertEquals(oneByOne.groups().keySet(), blocked.groups().keySet());
      oneByOne.groups().forEach((k, g) -> {
        GroupStats b = blocked.groups().get(k);
        assertEquals(g.compression().docs(), b.compression().docs(), k.toString());
        assertEquals(g.compression().tokens(), b.compression().tokens(), k.toString());
        assertEquals(g.coverage().ids().distinct(), b.coverage().ids().distinct(), k.toString());
        assertEquals(g.coverage().ids().total(), b.coverage().ids().total(), k.toString());
        assertArrayEquals(g.parallel().idSums(), b.parallel().idSums(), k.toString());
        assertEquals(g.roundTrip().docs(), b.roundTrip().docs(), k.toString());
        assertEquals(g.roundTrip().exactRate(), b.roundTrip().exactRate(), k.toString());
        assertEquals(g.numbers().pieces(), b.numbers().pieces(), k.toString());
      });
    }
    // "Très bien, merci." under chars: 17 code points, e.g. 'e' twice (Très has è), ' ' twice
    GroupStats fraChars = oneByOne.groups().get(new GroupKey("chars", "c", "general", "fra"));
    assertEquals(2, fraChars.coverage().ids().get('e'));
    assertEquals(7 + 4 + 17, fraChars.compression().tokens()); // "Ça va ?" 7 code points, "Oui." 4, then 17
    assertEquals(3, fraChars.roundTrip().docs()); // every short document round-trips, code point by code point
    assertEquals(1.0, fraChars.roundTrip().exactRate(), 0);
  }

  @Test
  void longTextsDecodeAsTheJdkDoes() {
    String unit = "na\u00EFve caf\u00E9 \u6211\u54E5 \uD83D\uDE00 \u0E01\u0E34\u0E19 plain ascii. ";
    String text = unit.repeat((2 << 20) / unit.length()); // over the 1 MiB where the lean decoder starts
    UTF8String utf8 = UTF8String.fromString(text);
    assertEquals(text, PartitionTokenizer.text(utf8));
    assertEquals("short \u00E9", PartitionTokenizer.text(UTF8String.fromString("short \u00E9")));
  }
}
