package org.tokenometry.jobs;

/** Placeholder: corpora -> documents, rejects. */
public final class IngestJob implements Stage {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(StageContext ctx) {
    throw new UnsupportedOperationException("ingest not implemented yet");
  }
}
