package org.tokenometry.jobs.report;

import java.util.List;

/**
 * A token premium split into its two factors, one row per language, on a log-2 axis with parity (1) dashed:
 * premium = byte premium x tokenizer premium, so log premium = log byte premium + log tokenizer premium and the
 * factors add up as two bars, waterfall-style. The upper (grey) bar runs from 1 to the byte premium, what the text
 * costs in UTF-8 before any tokenizer; the lower bar, in the tokenizer's colour, from there to the premium: the
 * tokenizer premium, leftwards when the tokenizer needs fewer tokens per byte than on the pivot. Each bar carries
 * its factor's 95 % interval as a whisker (the tokenizer premium's interval drawn at byte premium x its ends).
 */
final class SplitBarChart {
  /** One language; NaN for an interval end that is missing. {@code flag}: why the premium is flagged, or null. */
  record Row(String lang, double bytePremium, double byteLow, double byteHigh, double tokenizerPremium,
      double tokenizerLow, double tokenizerHigh, double premium, double premiumLow, double premiumHigh,
      String flag) {}

  static final double WIDTH = 640;
  /** The byte premium's bar: the same for every tokenizer, so no tokenizer's colour. */
  static final String BYTE_COLOUR = "#bbbbbb";
  static final String WHISKER = "#333333";
  private static final double BAR = 8; // 7 px of bar, 1 px apart
  private static final double ROW_H = 2 * BAR + 6;
  private static final double TOP = 10;
  private static final double RIGHT = 24;

  private SplitBarChart() {}

  static String render(String id, String tokenizer, String colour, List<Row> rows) {
    double labelW = 20;
    double lo = 1;
    double hi = 2;
    for (Row r : rows) {
      labelW = Math.max(labelW, Svg.textWidth(Languages.shortLabel(r.lang())) + 16);
      for (double v : new double[] {r.bytePremium(), r.byteLow(), r.byteHigh(), r.premium(),
          r.bytePremium() * r.tokenizerLow(), r.bytePremium() * r.tokenizerHigh()}) {
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double l0 = Math.floor(log2(lo) + 1e-9);
    double l1 = Math.ceil(log2(hi) - 1e-9);
    double left = labelW;
    double plotW = WIDTH - left - RIGHT;
    double plotH = rows.size() * ROW_H;
    Svg svg = new Svg(id, WIDTH, TOP + plotH + 40);
    Svg.Scale x = new Svg.Scale(l0, l1, left, left + plotW);
    for (double k = l0; k <= l1; k++) {
      svg.line(x.at(k), TOP, x.at(k), TOP + plotH, "#e3e3e3", 1, null);
      svg.text(x.at(k), TOP + plotH + 14, Svg.tick(Math.pow(2, k)) + "×", "middle", "tick");
    }
    svg.text(left + plotW / 2, TOP + plotH + 32, "premium (× pivot, log scale)", "middle", "axis");
    double y = TOP;
    for (Row r : rows) {
      // the byte premium is the texts', not the tokenizer's: its bar and the label answer to the language filter only
      Svg.Key lang = Svg.Key.lang(r.lang());
      Svg.Key key = new Svg.Key(tokenizer, r.lang());
      String label = Languages.shortLabel(r.lang());
      svg.text(left - 6, y + ROW_H / 2 + 2, label, "end", "label", null, 0, lang);
      double one = x.at(0);
      double b = x.at(log2(r.bytePremium()));
      double p = x.at(log2(r.premium()));
      svg.rect(Math.min(one, b), y, Math.abs(b - one), BAR - 1, BYTE_COLOUR, "mark bar", label
          + " · byte premium: " + Html.num(r.bytePremium(), 2) + ci(r.byteLow(), r.byteHigh()), lang);
      svg.rect(Math.min(b, p), y + BAR, Math.abs(p - b), BAR - 1, colour, r.flag() == null ? "mark bar"
          : "mark bar flagged", label + " · " + tokenizer + ": tokenizer premium " + Html.num(r.tokenizerPremium(), 2)
          + ci(r.tokenizerLow(), r.tokenizerHigh()) + " → premium " + Html.num(r.premium(), 2)
          + ci(r.premiumLow(), r.premiumHigh()) + (r.flag() == null ? "" : " (" + r.flag() + ")"), key);
      whisker(svg, x, r.byteLow(), r.byteHigh(), y + (BAR - 1) / 2, lang);
      whisker(svg, x, r.bytePremium() * r.tokenizerLow(), r.bytePremium() * r.tokenizerHigh(),
          y + BAR + (BAR - 1) / 2, key);
      if (r.flag() != null) {
        svg.text(Math.max(b, p) + 3, y + 2 * BAR - 1, UnknownTokens.MARK, "start", "flagmark", null, 0, key);
      }
      y += ROW_H;
    }
    svg.line(x.at(0), TOP, x.at(0), TOP + plotH, "#333333", 1.2, "4 3");
    return svg.render("premium split for " + tokenizer);
  }

  /** An interval as a line with end caps at height {@code y}; nothing when an end is missing. */
  private static void whisker(Svg svg, Svg.Scale x, double low, double high, double y, Svg.Key key) {
    if (!(low > 0) || !(high > 0)) {
      return;
    }
    double a = x.at(log2(low));
    double b = x.at(log2(high));
    svg.line(a, y, b, y, WHISKER, 1.2, null, key);
    svg.line(a, y - 3, a, y + 3, WHISKER, 1.2, null, key);
    svg.line(b, y - 3, b, y + 3, WHISKER, 1.2, null, key);
  }

  /** " (95 % CI 1.55–1.65)", or "" without an interval. */
  static String ci(double low, double high) {
    return Double.isNaN(low) || Double.isNaN(high) ? "" : " (95 % CI " + Html.num(low, 2) + "–" + Html.num(high, 2)
        + ")";
  }

  static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
