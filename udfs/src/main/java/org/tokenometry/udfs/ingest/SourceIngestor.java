package org.tokenometry.udfs.ingest;

import java.nio.charset.StandardCharsets;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.text.ScriptDetector;

/**
 * Turns the records of one source file into documents or rejects, one record at a time, and counts them.
 * Readers (one per format) call exactly one method per record they read; every call counts one record, so
 * records = documents + rejects holds by construction of the callers and is checked from the emitted rows.
 * Record numbers are 1-based in reading order (lines for line mode, data rows for CSV, rows for Parquet/Arrow).
 */
public final class SourceIngestor {
  private final CorpusSpec spec;
  private final String source;
  private final String fileLang;
  private final String split;
  private final IngestSink sink;
  private final SourceStats stats = new SourceStats();

  /**
   * @param source the file's URI as listed (stored in every row, and hashed into doc ids)
   */
  public SourceIngestor(CorpusSpec spec, String source, IngestSink sink) {
    this.spec = spec;
    this.source = source;
    this.sink = sink;
    this.split = LangCodes.split(source);
    this.fileLang = switch (spec.langFrom()) {
      case "filename" -> LangCodes.fromFileName(source).orElse(LangCodes.UNKNOWN);
      case "column" -> null;
      default -> spec.lang() == null || spec.lang().isBlank() ? LangCodes.UNKNOWN : spec.lang();
    };
  }

  public CorpusSpec spec() {
    return spec;
  }

  public String source() {
    return source;
  }

  public SourceStats stats() {
    return stats;
  }

  /** The number the next record will get. */
  public long nextRecordNo() {
    return stats.records + 1;
  }

  /** A record as raw bytes (to be decoded as UTF-8). {@code crRemoved} counts line-end repairs already made. */
  public void bytes(byte[] buf, int off, int len, String givenId, String columnLang, int crRemoved) {
    if (len > spec.maxDocBytes()) {
      tooLong(len, StrictUtf8.lenient(buf, off, Math.min(len, Reject.PREFIX_CHARS * 4)));
      return;
    }
    StrictUtf8.Result r = StrictUtf8.decode(buf, off, len);
    if (!r.ok()) {
      reject(RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the record",
          StrictUtf8.lenient(buf, off, Math.min(len, Reject.PREFIX_CHARS * 4)));
      return;
    }
    text(r.text(), givenId, columnLang, crRemoved);
  }

  /** A record already decoded to text (JSON, CSV, Parquet, Arrow). */
  public void text(String raw, String givenId, String columnLang, int alreadyRepaired) {
    long no = ++stats.records;
    TextRepair.Result fixed = TextRepair.repair(raw);
    int repaired = alreadyRepaired + fixed.repaired();
    if (repaired > 0) {
      stats.repairedRecords++;
      stats.repairedChars += repaired;
    }
    String text = fixed.text();
    if (text.isBlank()) {
      emit(new Reject(source, no, RejectReason.EMPTY_TEXT,
          text.isEmpty() ? "no text" : "only whitespace (" + text.length() + " chars)", Reject.prefix(raw)));
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > spec.maxDocBytes()) {
      emit(new Reject(source, no, RejectReason.TOO_LONG, tooLongDetail(utf8.length), Reject.prefix(raw)));
      return;
    }
    String docId = givenId != null && !givenId.isBlank() ? givenId : DocIds.docId(source, no);
    String lang = fileLang != null ? fileLang
        : columnLang == null || columnLang.isBlank() ? LangCodes.UNKNOWN : columnLang;
    String parallelId = spec.parallel() ? DocIds.parallelId(spec.corpus(), split, no) : null;
    stats.documents++;
    sink.document(new DocumentRow(docId, spec.corpus(), spec.domain(), lang, ScriptDetector.dominant(text),
        parallelId, source, text, utf8.length, text.codePointCount(0, text.length()),
        DocIds.shard(docId, spec.shards())));
  }

  /** A record over max_doc_bytes, seen only as its length and a prefix (never held whole). */
  public void tooLong(long nBytes, String prefix) {
    long no = ++stats.records;
    emit(new Reject(source, no, RejectReason.TOO_LONG, tooLongDetail(nBytes), Reject.prefix(prefix)));
  }

  /** A record that cannot become a document for {@code reason}. */
  public void reject(RejectReason reason, String detail, String raw) {
    long no = ++stats.records;
    emit(new Reject(source, no, reason, detail, Reject.prefix(raw)));
  }

  /** The file stopped being readable: what was read stays, the failure takes the next record number. */
  public void unreadable(Exception e, String partial) {
    String what = e.getClass().getSimpleName() + ": " + e.getMessage();
    reject(RejectReason.UNREADABLE_FILE, what + " (after " + stats.records + " records; the file is truncated "
        + "or corrupt, records before this point were kept)", partial);
  }

  private String tooLongDetail(long nBytes) {
    return nBytes + " bytes > ingest.max_doc_bytes " + spec.maxDocBytes();
  }

  private void emit(Reject r) {
    stats.rejects++;
    sink.reject(r);
  }
}
