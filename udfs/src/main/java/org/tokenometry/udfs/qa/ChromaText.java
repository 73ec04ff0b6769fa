package org.tokenometry.udfs.qa;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The leniency Chroma's chunking evaluation grants when it looks for an excerpt in a corpus
 * ({@code rigorous_document_search}): one trailing period is dropped, whitespace between words may differ
 * (any run, or none, matches) and case is ignored. Two strings that are equal under {@link #normalize} are
 * the same excerpt for Chroma.
 */
public final class ChromaText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private ChromaText() {}

  /** Drops one trailing period (after trimming), all whitespace, and case. */
  public static String normalize(String s) {
    String t = s.strip();
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return WHITESPACE.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** Chroma drops one trailing period from an excerpt before searching for it. */
  public static String withoutTrailingPeriod(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  public static boolean sameExcerpt(String a, String b) {
    return a.equals(b) || normalize(a).equals(normalize(b));
  }
}
