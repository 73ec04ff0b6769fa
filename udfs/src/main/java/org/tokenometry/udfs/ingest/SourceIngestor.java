package org.tokenometry.udfs.ingest;

import java.io.IOException;
import java.util.function.Consumer;
import org.tokenometry.udfs.io.StrictUtf8;
import org.tokenometry.udfs.tables.DocumentRow;
import org.tokenometry.udfs.tables.RejectRow;
import org.tokenometry.udfs.text.ScriptDetector;

/**
 * Turns the records of one source into documents or rejects, one record at a time, and counts them. A reader
 * calls exactly one record method per record (and counts blank lines with {@link #blankLines}); each counts one
 * record and emits one document or one reject. The readers run inside {@link #read}, the one place where a
 * failing source (an I/O error, a corrupt stream) becomes an {@code unreadable_file} reject: the records read
 * before it stay.
 */
public final class SourceIngestor {
  /** Reads a source to its end, calling the ingestor once per record; may fail at any point. */
  @FunctionalInterface
  public interface Reading {
    void run() throws Exception;
  }

  private final CorpusSpec spec;
  private final String source;
  private final String fileLang;
  private final String split;
  private final Consumer<IngestRecord> out;
  private long records;
  private long blankLines;
  private long repairedRecords;
  private long repairedChars;
  private long position; // the highest record number seen: a failure takes the next one

  /**
   * @param source the file's URI as listed (stored in every row, and hashed into doc ids)
   */
  public SourceIngestor(CorpusSpec spec, String source, Consumer<IngestRecord> out) {
    this.spec = spec;
    this.source = source;
    this.out = out;
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

  /**
   * Runs {@code reading}; if it fails, the source ends with an unreadable_file reject. Errors that wrap an
   * I/O exception count as read failures: Hadoop's local filesystem throws {@code FSError} (an Error) for EIO,
   * and {@code java.io.IOError} is the JDK's equivalent. Other errors (out of memory) still end the task.
   */
  public void read(Reading reading) {
    try {
      reading.run();
    } catch (Exception e) {
      unreadable(e);
    } catch (Error e) {
      if (!(e.getCause() instanceof IOException) || e instanceof VirtualMachineError) {
        throw e;
      }
      unreadable(e.getCause());
    }
  }

  /** Emits this source's counts; call once, after {@link #read}. */
  public void finish() {
    out.accept(IngestRecord.of(new SourceStats(spec.corpus(), source, records, blankLines, repairedRecords,
        repairedChars)));
  }

  /** Lines with nothing but spaces and tabs between records: layout, counted, not records. */
  public void blankLines(long count) {
    blankLines += count;
  }

  /**
   * A record as raw UTF-8 (line, file and joined modes), seen only up to {@code len} bytes when it is longer
   * than max_doc_bytes. {@code crRemoved} counts line-end repairs already made.
   */
  public void utf8(long no, byte[] buf, int len, long fullLength, int crRemoved) {
    if (fullLength > spec.maxDocBytes()) {
      tooLong(no, fullLength, prefix(buf, len));
      return;
    }
    StrictUtf8.Result r = StrictUtf8.decode(buf, 0, len);
    if (!r.ok()) {
      reject(no, RejectReason.INVALID_UTF8, "malformed UTF-8 at byte " + r.badOffset() + " of the record: "
          + r.problem(), prefix(buf, len));
      return;
    }
    record(no, r.text(), null, null, crRemoved);
  }

  /** A record whose fields came as UTF-8 bytes (Parquet, Arrow); {@code id} and {@code lang} may be null. */
  public void utf8Fields(long no, byte[] text, byte[] id, byte[] lang) {
    if (text.length > spec.maxDocBytes()) {
      tooLong(no, text.length, prefix(text, text.length));
      return;
    }
    String[] values = new String[3];
    byte[][] fields = {text, id, lang};
    String[] names = {spec.textColumn(), spec.idColumn(), spec.langColumn()};
    for (int i = 0; i < 3; i++) {
      if (fields[i] == null) {
        continue;
      }
      StrictUtf8.Result r = StrictUtf8.decode(fields[i]);
      if (!r.ok()) {
        reject(no, RejectReason.INVALID_UTF8, "column '" + names[i] + "': malformed UTF-8 at byte "
            + r.badOffset() + ": " + r.problem(), prefix(text, text.length));
        return;
      }
      values[i] = r.text();
    }
    record(no, values[0], values[1], values[2], 0);
  }

  /**
   * A record whose fields are already text (JSON, CSV/TSV). A blank or null {@code id} gets a hashed id; a
   * blank or null {@code lang} is {@code und}.
   */
  public void record(long no, String raw, String id, String lang, int alreadyRepaired) {
    String[] values = {raw, id, lang};
    String[] names = {"text", "id", "lang"};
    for (int i = 0; i < 3; i++) {
      int at = values[i] == null ? -1 : loneSurrogate(values[i]);
      if (at >= 0) {
        reject(no, RejectReason.INVALID_UNICODE, String.format("%s: lone surrogate U+%04X at character %d "
            + "(half of a UTF-16 pair, not a character; fix the producer's escaping)", names[i],
            (int) values[i].charAt(at), at), withoutLoneSurrogates(RejectRow.prefix(raw)));
        return;
      }
    }
    TextRepair.Result fixed = TextRepair.repair(raw);
    int repaired = alreadyRepaired + fixed.repaired();
    if (repaired > 0) {
      repairedRecords++;
      repairedChars += repaired;
    }
    String text = fixed.text();
    long nBytes = utf8Length(text);
    String docLang = fileLang != null ? fileLang : lang == null || lang.isBlank() ? LangCodes.UNKNOWN : lang;
    if (isWhitespace(text)) {
      reject(no, RejectReason.EMPTY_TEXT, text.isEmpty() ? "no text" : "only whitespace (" + text.length()
          + " chars)", raw);
    } else if (nBytes > spec.maxDocBytes()) {
      tooLong(no, nBytes, raw);
    } else if (!LangCodes.isPlausible(docLang)) {
      reject(no, RejectReason.INVALID_LANG, "column '" + spec.langColumn() + "' holds '" + docLang
          + "', not a language code (eng_Latn, en, pt-BR, ...)", raw);
    } else {
      document(no, text, nBytes, id == null || id.isBlank() ? DocIds.docId(source, no) : id, docLang);
    }
  }

  private void document(long no, String text, long nBytes, String docId, String lang) {
    records++;
    position = Math.max(position, no);
    String parallelId = spec.parallel() ? DocIds.parallelId(spec.corpus(), split, no) : null;
    out.accept(IngestRecord.of(new DocumentRow(docId, spec.corpus(), spec.domain(), lang,
        ScriptDetector.dominant(text), parallelId, source, text, nBytes, text.codePointCount(0, text.length()),
        DocIds.shard(docId, spec.shards()))));
  }

  /** A record over max_doc_bytes, seen only as its length and a prefix (never held whole). */
  public void tooLong(long no, long nBytes, String prefix) {
    reject(no, RejectReason.TOO_LONG, nBytes + " bytes > ingest.max_doc_bytes " + spec.maxDocBytes(), prefix);
  }

  /** A record that cannot become a document for {@code reason}. */
  public void reject(long no, RejectReason reason, String detail, String raw) {
    records++;
    position = Math.max(position, no);
    out.accept(IngestRecord.of(new RejectRow(spec.corpus(), source, no, reason.code(), detail,
        RejectRow.prefix(raw))));
  }

  /** The source stopped being readable: what was read stays, the failure takes the next record number. */
  private void unreadable(Throwable e) {
    reject(position + 1, RejectReason.UNREADABLE_FILE, e.getClass().getSimpleName() + ": " + e.getMessage()
        + " (reading stopped after record " + position + "; the records before it were kept)", "");
  }

  private static String prefix(byte[] b, int len) {
    return StrictUtf8.lenient(b, 0, Math.min(len, RejectRow.PREFIX_CHARS * 4));
  }

  /** Empty, or only Unicode white space (no-break and ideographic spaces too, which String.isBlank keeps). */
  static boolean isWhitespace(String s) {
    return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
  }

  /** The index of the first surrogate that is not half of a high-low pair, or -1. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code s} with each lone surrogate as U+FFFD (Parquet cannot store one): for a reject's raw_prefix. */
  static String withoutLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int at = loneSurrogate(b.toString()); at >= 0; at = loneSurrogate(b.toString())) {
      b.setCharAt(at, '\uFFFD');
    }
    return b.toString();
  }

  /** UTF-8 length of well-formed text (no lone surrogates), without encoding it. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
