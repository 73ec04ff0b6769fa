package org.tokenometry.jobs.tokenize;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tokenometry.udfs.metrics.DocumentText;
import org.tokenometry.udfs.metrics.TokenizedDocument;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * One partition of documents through every tokenizer: segments each document once, encodes it with each
 * tokenizer, emits its {@code doc_tokens} rows as it goes (lazily, nothing buffered beyond one document), and
 * after the last document adds the partition's partial aggregates to the accumulator.
 */
final class PartitionTokenizer implements FlatMapFunction<Iterator<Row>, Row> {
  private final List<ShippedTokenizer> shipped;
  private final GroupStatsAccumulator groupsOut;

  PartitionTokenizer(List<ShippedTokenizer> shipped, GroupStatsAccumulator groupsOut) {
    this.shipped = List.copyOf(shipped);
    this.groupsOut = groupsOut;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> docs) {
    // the first task in an executor JVM loads them all (then they are cached): one file per core at a time
    List<Tokenizer> tokenizers = shipped.parallelStream().map(ShippedTokenizer::open).toList();
    Map<GroupKey, GroupStats> groups = new LinkedHashMap<>();
    ArrayDeque<Row> pending = new ArrayDeque<>();
    return new Iterator<>() {
      private boolean flushed;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && docs.hasNext()) {
          tokenize(docs.next());
        }
        if (pending.isEmpty() && !flushed) {
          flushed = true;
          groupsOut.add(groups);
        }
        return !pending.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }

      private void tokenize(Row row) {
        String docId = row.getAs("doc_id");
        String corpus = row.getAs("corpus");
        String domain = row.getAs("domain");
        String lang = row.getAs("lang");
        String parallelId = row.getAs("parallel_id");
        String text = row.getAs("text");
        DocumentText doc = DocumentText.of(text == null ? "" : text);
        long[] parallel = parallelId == null ? null : ParallelIdSums.hashes(parallelId);
        for (Tokenizer t : tokenizers) {
          long t0 = System.nanoTime();
          Encoding enc = t.encode(doc.text());
          long nanos = System.nanoTime() - t0;
          TokenizedDocument td = TokenizedDocument.of(doc, enc);
          groups.computeIfAbsent(new GroupKey(t.name(), corpus, domain, lang), k -> new GroupStats())
              .add(doc, td, enc, nanos, parallel);
          pending.add(RowFactory.create(docId, t.name(), corpus, domain, lang, parallelId,
              td.tokens(), doc.bytes(), doc.chars(), doc.words(), td.unk(), td.byteFallback(),
              td.continuedWords(), td.splitChars()));
        }
      }
    };
  }
}
