package org.tokenometry.udfs.tokenizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The vocabulary size of a tokenizer.json (the engines' {@link Tokenizer#vocabSize()}: ids with a piece, from
 * {@link TokenizerJson}) without building an engine, remembered by content in {@code <dir>/<sha256>} so that
 * listing a dozen tokenizers does not parse 100 MB of JSON every time. Keyed by the file's hash, a remembered
 * size cannot belong to another file; a memo that cannot be written only costs the parse next time.
 */
public final class VocabSizes {
  /** The memo folder inside the tokenizer asset cache (its name has no tokenizer.json, so it is no tokenizer). */
  public static final String MEMO_DIR = ".vocab-sizes";

  private final Path dir;

  public VocabSizes(Path dir) {
    this.dir = dir;
  }

  /** The size of {@code file}, whose sha256 the caller computed (and, for registry files, verified). */
  public int of(Path file, String sha256) {
    Path memo = dir.resolve(sha256);
    try {
      if (Files.isRegularFile(memo)) {
        return Integer.parseInt(Files.readString(memo, StandardCharsets.US_ASCII).strip());
      }
    } catch (IOException | NumberFormatException e) {
      // a damaged memo is recomputed and rewritten below
    }
    int size = parse(file);
    remember(memo, size);
    return size;
  }

  private static int parse(Path file) {
    try {
      return TokenizerJson.read(TokenizerJsonFile.read(file)).vocabulary().assigned();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void remember(Path memo, int size) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(memo.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.writeString(tmp, size + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, memo, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // read-only cache: nothing remembered
    }
  }
}
