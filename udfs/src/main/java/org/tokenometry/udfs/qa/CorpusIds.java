package org.tokenometry.udfs.qa;

/**
 * Matches a question's {@code corpus_id} to a document source: Chroma stores the file stem
 * ({@code state_of_the_union} for {@code corpora/state_of_the_union.md}); other generators store the full path
 * of the generating machine, so only the file name's stem can be compared.
 */
public final class CorpusIds {
  private CorpusIds() {}

  /** The file name without folders and without its last extension (a trailing .gz is dropped first). */
  public static String stem(String pathOrId) {
    String s = pathOrId.strip();
    int q = s.indexOf('?');
    if (s.contains("://") && q >= 0) {
      s = s.substring(0, q);
    }
    while (s.endsWith("/") || s.endsWith("\\")) {
      s = s.substring(0, s.length() - 1);
    }
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    String name = s.substring(slash + 1);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
