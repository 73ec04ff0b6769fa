package org.tokenometry.jobs.tokenize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.BootstrapWeights;
import org.tokenometry.udfs.metrics.DocumentFacts;
import org.tokenometry.udfs.metrics.DocumentText;
import org.tokenometry.udfs.metrics.GroupKey;
import org.tokenometry.udfs.metrics.GroupStats;
import org.tokenometry.udfs.metrics.IdTally;
import org.tokenometry.udfs.metrics.LongDocument;
import org.tokenometry.udfs.metrics.ParallelIdSums;
import org.tokenometry.udfs.metrics.TokenizedDocument;
import org.tokenometry.udfs.perturb.PerturbedText;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * One partition of documents through every tokenizer: segments each document once, encodes it with each
 * tokenizer, emits its {@code doc_tokens} rows as it goes, and adds it to the partition's partial groups, which
 * go to a side file at the end ({@link GroupPartials}; merged by {@link GroupMerge}).
 *
 * <p>Documents are taken in blocks (by default at most 8,192 documents or 4 Mi characters, and always at least
 * one), and within a block each tokenizer encodes every document before the next tokenizer starts. Document-major
 * order made a dozen tokenizers take turns on each short document, so each one's word cache and merge table had
 * left the CPU caches by its next turn (BENCHMARKS.md has the block sizes measured). Nothing beyond one block is buffered. A long document ({@link LongDocument}) is a
 * block of its own, encoded piece by piece with the tokenizers side by side.
 *
 * <p>Input rows are the columns {@code doc_id, corpus, domain, lang, parallel_id, text} as Spark's internal rows,
 * and output rows are {@link DocTokensRows}: the strings a document's rows share are read once as UTF-8 and
 * never converted back and forth.
 *
 * <p>A short document also goes to the group's round trip and digit runs, and, when the robustness plan samples
 * it, is perturbed once and each changed text encoded by every tokenizer (the original's encoding is reused).
 * A long document counts in neither: it is never held as one encoding, and its pieces are not documents (the
 * round-trip table's {@code docs} leaves it out; the manifest counts such documents).
 */
final class PartitionTokenizer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private final List<ShippedTokenizer> shipped;
  private final String partialsDir;
  private final HadoopConf hadoop;
  private final int bootstrapReplicates;
  private final long bootstrapSeed;
  private final int blockDocs;
  private final long blockChars;
  private final HealthSettings health;

  PartitionTokenizer(List<ShippedTokenizer> shipped, String partialsDir, HadoopConf hadoop, TokenizeConfig cfg,
      HealthSettings health) {
    this(shipped, partialsDir, hadoop, cfg.bootstrapReplicates(), cfg.bootstrapSeed(), 8192, 4 << 20, health);
  }

  PartitionTokenizer(List<ShippedTokenizer> shipped, String partialsDir, HadoopConf hadoop, int bootstrapReplicates,
      long bootstrapSeed, int blockDocs, long blockChars) {
    this(shipped, partialsDir, hadoop, bootstrapReplicates, bootstrapSeed, blockDocs, blockChars,
        HealthSettings.DEFAULT);
  }

  /** {@code bootstrapReplicates}: 0 for no confidence intervals. */
  PartitionTokenizer(List<ShippedTokenizer> shipped, String partialsDir, HadoopConf hadoop, int bootstrapReplicates,
      long bootstrapSeed, int blockDocs, long blockChars, HealthSettings health) {
    this.health = health;
    this.shipped = List.copyOf(shipped);
    this.partialsDir = partialsDir;
    this.hadoop = hadoop;
    this.bootstrapReplicates = bootstrapReplicates;
    this.bootstrapSeed = bootstrapSeed;
    this.blockDocs = blockDocs;
    this.blockChars = blockChars;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> docs) {
    // the first task in an executor JVM loads them all (then they are cached): one file per core at a time
    List<Tokenizer> tokenizers = shipped.parallelStream().map(ShippedTokenizer::open).toList();
    Lane[] lanes = tokenizers.stream().map(Lane::new).toArray(Lane[]::new);
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    long attempt = task == null ? 0 : task.taskAttemptId();
    GroupPartials partials = new GroupPartials(partialsDir, hadoop);
    ArrayDeque<InternalRow> pending = new ArrayDeque<>();
    List<Document> block = new ArrayList<>();
    return new Iterator<>() {
      private boolean finished;
      private Place lastPlace;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && docs.hasNext()) {
          tokenizeBlock();
          if (partials.overBudget()) {
            for (Lane lane : lanes) {
              lane.leave();
            }
            partials.spill(partition, attempt);
          }
        }
        if (pending.isEmpty() && !finished) {
          finished = true;
          for (Lane lane : lanes) {
            lane.leave();
          }
          partials.finish(partition, attempt);
        }
        return !pending.isEmpty();
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }

      private void tokenizeBlock() {
        block.clear();
        long chars = 0;
        Document longDoc = null;
        while (docs.hasNext() && block.size() < blockDocs && (block.isEmpty() || chars < blockChars)) {
          Document d = read(docs.next());
          if (LongDocument.isLong(d.text)) {
            longDoc = d;
            break;
          }
          d.segmented = DocumentText.of(d.text);
          var plan = health.robustness();
          if (plan != null && plan.samples(d.docId.toString(), d.place.sampleProbability)) {
            d.perturbed = plan.perturb(d.docId.toString(), d.segmented);
          }
          block.add(d);
          chars += d.text.length();
        }
        // rows go out document by document, so a document's strings and counts repeat side by side for Parquet
        InternalRow[][] rows = new InternalRow[block.size()][lanes.length];
        for (int k = 0; k < lanes.length; k++) {
          Lane lane = lanes[k];
          for (int i = 0; i < block.size(); i++) {
            Document d = block.get(i);
            lane.enter(d.place, partials);
            long t0 = System.nanoTime();
            Encoding enc = d.segmented.encode(lane.tokenizer);
            TokenizedDocument t = new TokenizedDocument();
            t.add(d.segmented, enc, System.nanoTime() - t0, lane.tally);
            rows[i][k] = row(lane, d, d.segmented.facts(), t);
            lane.group.addEncoded(d.segmented, enc, lane.tokenizer, health.numbers());
            if (d.perturbed != null) {
              perturbed(lane, d, enc);
            }
          }
        }
        for (InternalRow[] doc : rows) {
          pending.addAll(java.util.Arrays.asList(doc));
        }
        if (longDoc != null) {
          tokenizeLong(longDoc);
        }
      }

      /** A long document: in pieces, each piece's tokenizers side by side (they hold no state in common). */
      private void tokenizeLong(Document d) {
        TokenizedDocument[] counts = new TokenizedDocument[lanes.length];
        IdTally[] tallies = new IdTally[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
          lanes[i].enter(d.place, partials);
          counts[i] = new TokenizedDocument();
          tallies[i] = lanes[i].tally;
        }
        int[] cuts = LongDocument.cuts(d.text, tokenizers, LongDocument.PIECE_CHARS);
        DocumentFacts facts = LongDocument.measure(d.text, cuts, tokenizers, counts, tallies, true);
        for (int i = 0; i < lanes.length; i++) {
          pending.add(row(lanes[i], d, facts, counts[i]));
          lanes[i].leave(); // a long document's ids go to its group now, not with the next block's
        }
      }

      /** A sampled document's perturbed texts under the lane's tokenizer; an unchanged text is not encoded again. */
      private void perturbed(Lane lane, Document d, Encoding original) {
        for (PerturbedText p : d.perturbed) {
          if (!p.changed()) {
            lane.group.addPerturbed(d.segmented, original, p, original, 0);
            continue;
          }
          long t0 = System.nanoTime();
          Encoding enc = lane.tokenizer.encode(p.text());
          lane.group.addPerturbed(d.segmented, original, p, enc, System.nanoTime() - t0);
        }
      }

      /** Adds a document to the lane's group; its doc_tokens row. */
      private InternalRow row(Lane lane, Document d, DocumentFacts facts, TokenizedDocument t) {
        lane.group.add(facts, t, d.parallel, d.weights);
        return DocTokensRows.row(d.docId, lane.name, d.corpus, d.domain, d.lang, d.parallelId, facts, t);
      }

      /** Copies what the pass keeps of a row (the reader reuses its buffers); consecutive documents share places. */
      private Document read(InternalRow row) {
        Document d = new Document();
        d.docId = utf8(row, 0);
        d.corpus = utf8(row, 1);
        d.domain = utf8(row, 2);
        d.lang = utf8(row, 3);
        d.parallelId = utf8(row, 4);
        d.text = row.isNullAt(5) ? "" : text(row.getUTF8String(5));
        d.parallel = d.parallelId == null ? null : ParallelIdSums.hashes(d.parallelId.toString());
        // resampled by parallel id, so a language and the pivot draw the same sentences
        d.weights = bootstrapReplicates == 0 ? null : BootstrapWeights.of(
            (d.parallelId != null ? d.parallelId : d.docId).toString(), bootstrapReplicates, bootstrapSeed);
        Place p = lastPlace;
        if (p == null || !p.is(d.corpus, d.domain, d.lang)) {
          p = new Place(d.corpus, d.domain, d.lang);
          p.sampleProbability = health.sampleProbability(Place.str(d.corpus), Place.str(d.lang));
          lastPlace = p;
        }
        d.place = p;
        return d;
      }
    };
  }

  /**
   * The document's text. A long one is decoded straight from the row's bytes into a char array of its exact
   * length: {@code UTF8String.toString} copies the bytes out first and decodes into a buffer of twice their
   * size, about five times the text's UTF-8 size at once, which a 50 MB document cannot afford in a 1 GiB heap.
   */
  static String text(UTF8String s) {
    if (s.numBytes() < LONG_TEXT_BYTES) {
      return s.toString();
    }
    java.nio.ByteBuffer bytes = s.getByteBuffer();
    int chars = 0;
    for (int i = bytes.position(), end = bytes.limit(); i < end; i++) {
      int b = bytes.get(i) & 0xFF;
      chars += b >= 0xF0 ? 2 : (b & 0xC0) != 0x80 ? 1 : 0; // a 4-byte sequence is a surrogate pair
    }
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(chars);
    java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    if (!decoder.decode(bytes, out, true).isUnderflow() || !decoder.flush(out).isUnderflow()
        || out.hasRemaining()) { // not valid UTF-8 (ingest never writes such text): the JDK's own way
      return s.toString();
    }
    return new String(out.array());
  }

  private static final int LONG_TEXT_BYTES = 1 << 20;

  private static UTF8String utf8(InternalRow row, int i) {
    return row.isNullAt(i) ? null : row.getUTF8String(i).copy();
  }

  /** One input document, segmented once for all tokenizers (short documents). */
  private static final class Document {
    UTF8String docId;
    UTF8String corpus;
    UTF8String domain;
    UTF8String lang;
    UTF8String parallelId;
    long[] parallel;
    byte[] weights; // BootstrapWeights, or null
    String text;
    Place place;
    DocumentText segmented;
    List<PerturbedText> perturbed; // when the robustness plan sampled it
  }

  /** Corpus, domain and lang of a run of documents: one object per run, so lanes compare them by reference. */
  private static final class Place {
    final UTF8String corpus;
    final UTF8String domain;
    final UTF8String lang;
    /** The robustness plan's sampling probability for the (corpus, lang) group. */
    double sampleProbability;

    Place(UTF8String corpus, UTF8String domain, UTF8String lang) {
      this.corpus = corpus;
      this.domain = domain;
      this.lang = lang;
    }

    boolean is(UTF8String c, UTF8String d, UTF8String l) {
      return java.util.Objects.equals(corpus, c) && java.util.Objects.equals(domain, d)
          && java.util.Objects.equals(lang, l);
    }

    GroupKey key(String tokenizer) {
      return new GroupKey(tokenizer, str(corpus), str(domain), str(lang));
    }

    static String str(UTF8String s) {
      return s == null ? null : s.toString();
    }
  }

  /**
   * One tokenizer's state in the partition: its id tally, and the group of the documents it is on. The tally is
   * drained into the group's id counts when the tokenizer moves to another group, so an id costs a hash probe
   * once per run of documents, not once per token.
   */
  private static final class Lane {
    final Tokenizer tokenizer;
    final UTF8String name;
    final IdTally tally;
    Place place;
    GroupStats group;

    Lane(Tokenizer t) {
      tokenizer = t;
      name = UTF8String.fromString(t.name());
      tally = new IdTally(t.vocabSize());
    }

    void enter(Place p, GroupPartials partials) {
      if (p != place) {
        leave();
        place = p;
        group = partials.group(p.key(tokenizer.name()));
      }
    }

    /** Drains the tally into the current group and forgets it (before its groups are written out). */
    void leave() {
      if (group != null) {
        tally.drainInto(group.coverage().ids());
      }
      place = null;
      group = null;
    }
  }
}
