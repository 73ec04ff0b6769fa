package org.tokenometry.jobs;

/** One pipeline stage: reads tables (or corpora), writes tables. A job class implements exactly one. */
public interface Stage {
  /** The name used in configs and on the command line ("ingest", "tokenize", ...). */
  String name();

  void run(StageContext ctx) throws Exception;
}
