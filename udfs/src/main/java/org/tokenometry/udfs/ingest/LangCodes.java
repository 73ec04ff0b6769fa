package org.tokenometry.udfs.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FLORES-style language codes ({@code <iso639-3>_<Script>}, e.g. {@code eng_Latn}) in file names, and the
 * "split" that is left of a file name once the code is removed ({@code eng_Latn.dev} → {@code dev}).
 */
public final class LangCodes {
  public static final String UNKNOWN = "und";

  // three lower-case letters, underscore, a title-case ISO 15924 code; not glued to other letters
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z])([a-z]{3}_[A-Z][a-z]{3})(?![A-Za-z])");

  // a language tag as a partition value: FLORES-style eng_Latn, or BCP 47-like en, pt-BR, zh-Hant-TW, und
  private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}");

  private LangCodes() {}

  /**
   * Whether {@code value} can be a language code (and so a {@code lang} partition): two or three letters,
   * then up to three subtags of 2-8 letters or digits after {@code _} or {@code -}. Not a registry lookup:
   * it keeps text that landed in a language column ({@code " world"}, {@code "The cat"}) out of the table.
   */
  public static boolean isPlausible(String value) {
    return value != null && PLAUSIBLE.matcher(value).matches();
  }

  /** The first FLORES-style code in the file name (folders ignored), if any. */
  public static Optional<String> fromFileName(String fileName) {
    Matcher m = CODE.matcher(baseName(fileName));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The file name without a trailing {@code .gz}, with the language code and the separators around it removed:
   * {@code eng_Latn.dev} → {@code dev}, {@code dev.eng_Latn.txt.gz} → {@code dev.txt}, {@code wiki-hin_Deva.jsonl}
   * → {@code wiki.jsonl}. Without a code, the whole (un-gzipped) name.
   */
  public static String split(String fileName) {
    String name = stripGz(baseName(fileName));
    Matcher m = CODE.matcher(name);
    if (!m.find()) {
      return name;
    }
    String before = trimSeparators(name.substring(0, m.start()));
    String after = trimSeparators(name.substring(m.end()));
    if (before.isEmpty()) {
      return after;
    }
    return after.isEmpty() ? before : before + "." + after;
  }

  public static String baseName(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  public static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static String trimSeparators(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSeparator(s.charAt(a))) {
      a++;
    }
    while (b > a && isSeparator(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == '-';
  }
}
