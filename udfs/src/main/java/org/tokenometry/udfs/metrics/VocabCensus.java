package org.tokenometry.udfs.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tokenometry.udfs.tables.VocabHealthRow;
import org.tokenometry.udfs.tables.VocabTokensRow;
import org.tokenometry.udfs.text.Utf8Lossy;
import org.tokenometry.udfs.text.VisibleText;
import org.tokenometry.udfs.tokenizers.Tokenizer;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * Classes of every id of a vocabulary. A piece's bytes are what it adds to a decoded text
 * ({@link Vocabulary#bytes}: byte-level pieces their bytes, {@code ▁} a space, {@code <0xNN>} its byte), without
 * WordPiece's {@code ##} prefix. From the tokenizer file alone:
 * <ul>
 *   <li>{@code special}: an added token marked special, and the unknown token;
 *   <li>{@code single_byte}: exactly one byte;
 *   <li>{@code partial_utf8}: more than one byte, not well-formed UTF-8;
 *   <li>{@code unreachable}: the bytes are text, and encoding that text does not give back exactly this piece
 *       ({@link PieceReachability}); pieces whose bytes are not text are not tested.
 * </ul>
 * From the ids the corpus emitted (the pass counts every id but the special ones; the unknown token is counted),
 * for the counted ids only:
 * <ul>
 *   <li>{@code never_emitted}: count 0;
 *   <li>{@code rare}: count from 1 to the threshold minus one ({@code tokenize.rare_token_count}, default
 *       {@value #DEFAULT_RARE_TOKEN_COUNT});
 *   <li>{@code subsumed}: count 0, not unreachable, and its bytes occur inside the bytes of a longer piece that
 *       was emitted ({@link SubsumedPieces}).
 * </ul>
 * The file classes are computed once per census (every piece is encoded, in parallel); the corpus classes per call.
 */
public final class VocabCensus {
  public static final int DEFAULT_RARE_TOKEN_COUNT = 5;
  public static final String SPECIAL = "special";
  public static final String SINGLE_BYTE = "single_byte";
  public static final String PARTIAL_UTF8 = "partial_utf8";
  public static final String UNREACHABLE = "unreachable";
  public static final String SUBSUMED = "subsumed";
  public static final String NEVER_EMITTED = "never_emitted";
  public static final String RARE = "rare";
  /** Every class, in the order flags are listed. */
  public static final List<String> FLAGS =
      List.of(SPECIAL, SINGLE_BYTE, PARTIAL_UTF8, UNREACHABLE, SUBSUMED, NEVER_EMITTED, RARE);

  private final String tokenizer;
  private final Vocabulary vocab;
  private final int unkId;
  private final int vocabSize;
  private final byte[][] bytes; // per id; null where the file assigns no piece
  private final BitSet special = new BitSet();
  private final BitSet singleByte = new BitSet();
  private final BitSet partialUtf8 = new BitSet();
  private final BitSet unreachable = new BitSet();

  private VocabCensus(Tokenizer t) {
    tokenizer = t.name();
    vocab = t.vocabulary();
    unkId = t.unkId();
    bytes = new byte[vocab.size()][];
    String[] texts = new String[vocab.size()];
    boolean[] continuation = new boolean[vocab.size()];
    int assigned = 0;
    for (int id = 0; id < vocab.size(); id++) {
      String piece = vocab.piece(id);
      if (piece == null) {
        continue;
      }
      assigned++;
      byte[] b = vocab.bytes(id);
      continuation[id] = vocab.marker() == Vocabulary.Marker.WORDPIECE_CONTINUATION && !vocab.isSpecial(id)
          && piece.startsWith("##");
      if (continuation[id]) {
        b = java.util.Arrays.copyOfRange(b, 2, b.length);
      }
      bytes[id] = b;
      texts[id] = Utf8Lossy.decodeStrict(b, b.length);
      special.set(id, vocab.isSpecial(id));
      singleByte.set(id, b.length == 1);
      partialUtf8.set(id, b.length > 1 && texts[id] == null);
    }
    vocabSize = assigned;
    PieceReachability reach = PieceReachability.of(t);
    int[] unreached = IntStream.range(0, vocab.size()).parallel()
        .filter(id -> texts[id] != null && !reach.reachable(id, texts[id], continuation[id])).toArray();
    for (int id : unreached) {
      unreachable.set(id);
    }
  }

  /** Whether the tokenizer has a vocabulary to take a census of ({@code chars} and {@code words} have none). */
  public static boolean applies(Tokenizer t) {
    return t.vocabulary() != null;
  }

  /** The file classes of every piece; encodes every piece once. */
  public static VocabCensus of(Tokenizer t) {
    if (!applies(t)) {
      throw new IllegalArgumentException("tokenizer '" + t.name() + "' has no vocabulary to take a census of");
    }
    return new VocabCensus(t);
  }

  /** The classes that depend on the corpus, for one set of counts. */
  private record CorpusClasses(BitSet neverEmitted, BitSet rare, BitSet subsumed) {}

  private CorpusClasses corpusClasses(IdCounts counts, int rareTokenCount) {
    BitSet never = new BitSet();
    BitSet rare = new BitSet();
    BitSet emitted = new BitSet();
    for (int id = 0; id < bytes.length; id++) {
      if (bytes[id] == null || (special.get(id) && id != unkId)) {
        continue; // the pass does not count special ids; it counts the unknown token like any other
      }
      long c = counts.get(id);
      never.set(id, c == 0);
      rare.set(id, c > 0 && c < rareTokenCount);
      emitted.set(id, c > 0);
    }
    BitSet candidates = (BitSet) never.clone();
    candidates.andNot(unreachable);
    return new CorpusClasses(never, rare, SubsumedPieces.of(bytes, candidates, emitted));
  }

  /** One row per id with a piece; flags and count from the counts of every corpus together. */
  public List<VocabTokensRow> tokenRows(Map<String, IdCounts> countsByCorpus, int rareTokenCount) {
    IdCounts all = total(countsByCorpus);
    CorpusClasses c = corpusClasses(all, rareTokenCount);
    BitSet[] sets = {special, singleByte, partialUtf8, unreachable, c.subsumed(), c.neverEmitted(), c.rare()};
    List<VocabTokensRow> rows = new ArrayList<>(vocabSize);
    for (int id = 0; id < bytes.length; id++) {
      if (bytes[id] == null) {
        continue;
      }
      List<String> flags = new ArrayList<>(2);
      for (int f = 0; f < sets.length; f++) {
        if (sets[f].get(id)) {
          flags.add(FLAGS.get(f));
        }
      }
      String category = VocabProfile.category(vocab, id);
      rows.add(new VocabTokensRow(tokenizer, id, vocab.piece(id), VisibleText.of(bytes[id]), bytes[id].length,
          VocabProfile.script(vocab, id, category), List.copyOf(flags), all.get(id)));
    }
    return rows;
  }

  /**
   * Counts of each class: the file classes once (corpus null), the corpus classes per corpus and for every
   * corpus together (corpus null).
   */
  public List<VocabHealthRow> healthRows(Map<String, IdCounts> countsByCorpus, int rareTokenCount) {
    List<VocabHealthRow> rows = new ArrayList<>();
    BitSet[] fileSets = {special, singleByte, partialUtf8, unreachable};
    for (int f = 0; f < fileSets.length; f++) {
      rows.add(row(null, FLAGS.get(f), fileSets[f]));
    }
    List<Map.Entry<String, IdCounts>> corpora = new ArrayList<>(new java.util.TreeMap<>(countsByCorpus).entrySet());
    corpora.add(0, new java.util.AbstractMap.SimpleEntry<>(null, total(countsByCorpus)));
    for (Map.Entry<String, IdCounts> e : corpora) {
      CorpusClasses c = corpusClasses(e.getValue(), rareTokenCount);
      rows.add(row(e.getKey(), SUBSUMED, c.subsumed()));
      rows.add(row(e.getKey(), NEVER_EMITTED, c.neverEmitted()));
      rows.add(row(e.getKey(), RARE, c.rare()));
    }
    return rows;
  }

  private VocabHealthRow row(String corpus, String flag, BitSet ids) {
    long n = ids.cardinality();
    return new VocabHealthRow(tokenizer, corpus, flag, n, vocabSize == 0 ? 0 : (double) n / vocabSize);
  }

  private static IdCounts total(Map<String, IdCounts> countsByCorpus) {
    IdCounts all = new IdCounts();
    countsByCorpus.values().forEach(all::merge);
    return all;
  }
}
