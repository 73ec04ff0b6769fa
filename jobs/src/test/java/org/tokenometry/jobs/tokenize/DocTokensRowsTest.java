package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.io.TableStore;
import org.tokenometry.testing.SparkTest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.io.RowCodec;
import org.tokenometry.udfs.metrics.DocumentText;
import org.tokenometry.udfs.metrics.TokenizedDocument;
import org.tokenometry.udfs.tables.DocTokensRow;
import org.tokenometry.udfs.tokenizers.Utf8BytesTokenizer;

/**
 * The pass's internal rows hold, column for column, what the DocTokensRow record says; its write options take
 * Parquet's dictionary off doc_id only.
 */
class DocTokensRowsTest extends SparkTest {
  @TempDir
  Path tmp;

  /** Whether each named column chunk of the written files has a dictionary page. */
  private Map<String, Boolean> dictionaries(String table) throws Exception {
    var conf = spark.sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(table);
    Map<String, Boolean> out = new TreeMap<>();
    for (var st : dir.getFileSystem(conf).listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
      for (var block : ParquetFileReader.readFooter(conf, st.getPath()).getBlocks()) {
        for (var column : block.getColumns()) {
          out.merge(column.getPath().toDotString(), column.hasDictionaryPage(), Boolean::logicalOr);
        }
      }
    }
    return out;
  }

  @Test
  void docIdIsWrittenWithoutADictionary() throws Exception {
    // 2,000 rows of 10 documents x 200 repeats: every string column would take a dictionary
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(RowCodec.of(DocTokensRow.class).toRow(new DocTokensRow("doc-" + i % 10, "t" + i % 3, "c", "general",
          "eng_Latn", "par:" + i % 10, i, 1, 1, 1, 1, 0, 0, 0, 0)));
    }
    Dataset<Row> df = spark.createDataFrame(rows, DocTokensRows.SCHEMA).coalesce(1);
    TableStore store = new TableStore(spark, tmp.toString(), "run");
    store.write(df, "with_options", DocTokensRows.WRITE_OPTIONS);
    store.write(df, "without");
    Map<String, Boolean> with = dictionaries(store.path("with_options"));
    Map<String, Boolean> without = dictionaries(store.path("without"));
    assertEquals(true, without.get("doc_id"));
    assertEquals(true, without.get("parallel_id"));
    assertEquals(false, with.get("doc_id"));
    assertEquals(true, with.get("parallel_id"));
    assertEquals(true, with.get("tokenizer"));
    assertEquals(true, with.get("lang"));
  }

  @Test
  void theInternalRowIsTheRecordsRow() {
    String text = "J'aime le th\u00e9. Oui !";
    DocumentText doc = DocumentText.of(text);
    TokenizedDocument t = TokenizedDocument.of(doc, new Utf8BytesTokenizer().encode(text));
    InternalRow got = DocTokensRows.row(UTF8String.fromString("d1"), UTF8String.fromString("utf8_bytes"),
        UTF8String.fromString("c"), UTF8String.fromString("general"), UTF8String.fromString("fra_Latn"), null,
        doc.facts(), t);
    // the same document through the record and RowCodec, field by field in the record's order
    Row want = RowCodec.of(DocTokensRow.class).toRow(new DocTokensRow("d1", "utf8_bytes", "c", "general",
        "fra_Latn", null, t.tokens(), doc.bytes(), doc.chars(), doc.words(), doc.sentences(), t.unk(),
        t.byteFallback(), t.continuedWords(), t.splitChars()));
    assertEquals(want.length(), got.numFields());
    for (int i = 0; i < want.length(); i++) {
      Object g = got.isNullAt(i) ? null : got.get(i, DocTokensRows.SCHEMA.fields()[i].dataType());
      assertEquals(want.get(i), g instanceof UTF8String u ? u.toString() : g, DocTokensRows.SCHEMA.fields()[i].name());
    }
    // hand-counted: 21 bytes (é is 2), 20 code points, words J'aime le thé Oui, 2 sentences, é split
    assertEquals(21L, got.getLong(7));
    assertEquals(4L, got.getLong(9));
    assertEquals(2L, got.getLong(10));
    assertEquals(1L, got.getLong(14));
  }
}
