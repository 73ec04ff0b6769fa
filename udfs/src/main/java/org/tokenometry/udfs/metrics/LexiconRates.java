package org.tokenometry.udfs.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tokenometry.udfs.tokenizers.Vocabulary;

/**
 * How many emitted tokens are words of the language (%TR of the Turkish tokenization-standards paper). Token
 * strings are read with the space marker (and WordPiece's ##) stripped and lower-cased; distinct ids that read
 * the same count as one type. {type rate, token rate}: type = distinct strings found in the word list /
 * distinct strings; token = occurrences whose string is in the list / occurrences.
 */
public final class LexiconRates {
  private LexiconRates() {}

  /** {@code lexicon} holds lower-cased words. Null entries when the tokenizer has no vocabulary or no tokens. */
  public static Double[] of(IdCounts counts, Vocabulary vocab, Set<String> lexicon) {
    if (vocab == null || counts.distinct() == 0) {
      return new Double[] {null, null};
    }
    Map<String, Long> byString = new HashMap<>();
    counts.forEach((id, c) -> {
      String s = vocab.lexiconForm(id);
      if (s != null && !s.isEmpty()) {
        byString.merge(s, c, Long::sum);
      }
    });
    long types = byString.size();
    long typesFound = 0;
    long occurrences = 0;
    long occurrencesFound = 0;
    for (Map.Entry<String, Long> e : byString.entrySet()) {
      occurrences += e.getValue();
      if (lexicon.contains(e.getKey())) {
        typesFound++;
        occurrencesFound += e.getValue();
      }
    }
    return new Double[] {CompressionStats.ratio(typesFound, types), CompressionStats.ratio(occurrencesFound,
        occurrences)};
  }
}
