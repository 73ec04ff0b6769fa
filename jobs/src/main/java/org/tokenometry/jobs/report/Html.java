package org.tokenometry.jobs.report;

import java.util.Locale;

/** Escaping and number formatting for the report (always Locale.ROOT: a report must not change with the JVM). */
public final class Html {
  private Html() {}

  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code digits} decimals; "–" for null or NaN so a missing value never looks like zero. */
  public static String num(Double v, int digits) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  public static String pct(Double v, int digits) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + digits + "f %%", v * 100);
  }

  public static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A number for an SVG attribute: short, dot decimal. */
  public static String px(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
