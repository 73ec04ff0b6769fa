package org.tokenometry.udfs.ingest;

import java.io.Serializable;

/**
 * What the readers need to know about a corpus (a Spark-free copy of the corpus config plus the ingest limits),
 * shipped to the tasks that read its files.
 *
 * @param lang fixed language, or null
 * @param langFrom {@code config}, {@code filename} or {@code column}
 * @param idColumn null when documents get hashed ids
 * @param langColumn null unless {@code langFrom} is {@code column}
 */
public record CorpusSpec(
    String corpus,
    String domain,
    Mode mode,
    String lang,
    String langFrom,
    String textColumn,
    String idColumn,
    String langColumn,
    boolean parallel,
    String separator,
    long maxDocBytes,
    int shards) implements Serializable {}
