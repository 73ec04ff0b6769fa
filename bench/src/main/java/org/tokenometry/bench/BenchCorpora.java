package org.tokenometry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bench's inputs, read from the reference data: English FLORES (eng_Latn dev + devtest, replicated) and a
 * fixed multilingual mix (the same line numbers of every FLORES dev language, so the mix is reproducible).
 */
final class BenchCorpora {
  private final Path data;

  BenchCorpora(Path data) {
    this.data = data;
    if (!Files.isDirectory(data.resolve("flores200/dev"))) {
      throw new IllegalArgumentException(data.resolve("flores200/dev") + " not found: pass the reference data "
          + "folder with --data (default ../shared/data)");
    }
  }

  /** The reference data folder. */
  Path data() {
    return data;
  }

  /** eng_Latn dev + devtest, {@code copies} times over. */
  List<String> english(int copies) {
    List<String> once = new ArrayList<>(read(data.resolve("flores200/dev/eng_Latn.dev")));
    once.addAll(read(data.resolve("flores200/devtest/eng_Latn.devtest")));
    List<String> out = new ArrayList<>(once.size() * copies);
    for (int i = 0; i < copies; i++) {
      out.addAll(once);
    }
    return out;
  }

  /** Lines 0, step, 2*step, ... ({@code perLang} of them) of every FLORES dev language, by language name. */
  List<Lang> multilingual(int perLang) {
    List<Lang> out = new ArrayList<>();
    for (Path f : floresFiles("dev")) {
      List<String> all = read(f);
      int step = Math.max(1, all.size() / perLang);
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < all.size() && sample.size() < perLang; i += step) {
        sample.add(all.get(i));
      }
      out.add(new Lang(f.getFileName().toString().replaceFirst("\\.dev$", ""), sample));
    }
    return out;
  }

  /** One language's lines. */
  record Lang(String lang, List<String> lines) {}

  /** FLORES files of a split ("dev" or "devtest"), sorted by language. */
  List<Path> floresFiles(String split) {
    try (Stream<Path> s = Files.list(data.resolve("flores200").resolve(split))) {
      return s.filter(p -> p.getFileName().toString().endsWith("." + split)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The domain corpus files (finance, pubmed, cyber), sorted. */
  List<Path> domainFiles() {
    List<Path> out = new ArrayList<>();
    for (String d : List.of("finance", "pubmed", "cyber")) {
      try (Stream<Path> s = Files.list(data.resolve("domain").resolve(d))) {
        s.filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static List<String> read(Path f) {
    try {
      return Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  static long utf8Bytes(List<String> lines) {
    long n = 0;
    for (String l : lines) {
      n += l.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
