package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;
import static org.tokenometry.jobs.report.Html.px;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG writer. Data marks carry class {@code mark} and a {@code <title>} tooltip; the browser test
 * counts them per chart to prove every chart drew its data. Elements that belong to a tokenizer or a language
 * carry a {@link Key} ({@code data-tk}, {@code data-lang}) so the page's filter can hide them.
 */
final class Svg {
  /** Which tokenizer and language an element shows (either may be null). */
  record Key(String tk, String lang) {
    static Key tk(String tk) {
      return new Key(tk, null);
    }

    static Key lang(String lang) {
      return new Key(null, lang);
    }

    /** The attributes, with a leading space; empty for no key. */
    static String attrs(Key k) {
      if (k == null) {
        return "";
      }
      return (k.tk() == null ? "" : " data-tk=\"" + esc(k.tk()) + "\"")
          + (k.lang() == null ? "" : " data-lang=\"" + esc(k.lang()) + "\"");
    }
  }

  /** The smallest a fluid chart is drawn, as a share of its size. */
  static final double MIN_SCALE = 2.0 / 3;

  private final StringBuilder b = new StringBuilder();
  private final String id;
  private final double width;
  private final double height;
  private final boolean fixed;

  /** A chart that scales to its box's width (never beyond its own size). */
  Svg(String id, double width, double height) {
    this(id, width, height, false);
  }

  /**
   * @param fixed keep the drawn size at any page width (a heat map whose cells must stay readable: its box
   *     scrolls instead)
   */
  Svg(String id, double width, double height, boolean fixed) {
    this.id = id;
    this.width = width;
    this.height = height;
    this.fixed = fixed;
  }

  Svg rect(double x, double y, double w, double h, String fill, String cls, String title) {
    return rect(x, y, w, h, fill, cls, title, null);
  }

  Svg rect(double x, double y, double w, double h, String fill, String cls, String title, Key key) {
    b.append("<rect x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"")
        .append(px(Math.max(0, w))).append("\" height=\"").append(px(Math.max(0, h))).append("\" fill=\"")
        .append(fill).append('"');
    cls(cls);
    b.append(Key.attrs(key));
    return close("rect", title);
  }

  Svg circle(double cx, double cy, double r, String fill, String cls, String title, Key key) {
    b.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy)).append("\" r=\"").append(px(r))
        .append("\" fill=\"").append(fill).append('"');
    cls(cls);
    b.append(Key.attrs(key));
    return close("circle", title);
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, dash, null);
  }

  /** A line that belongs to a tokenizer or language ({@code key}, may be null), e.g. an interval's whisker. */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash, Key key) {
    b.append("<line x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
        .append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(px(strokeWidth)).append('"');
    if (dash != null) {
      b.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    b.append(Key.attrs(key)).append("/>");
    return this;
  }

  /** A series' line; {@code dash} null for a solid one. */
  Svg polyline(List<double[]> points, String stroke, String dash, Key key) {
    b.append("<polyline class=\"line\" fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(stroke).append('"');
    if (dash != null) {
      b.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    b.append(Key.attrs(key)).append(" points=\"");
    for (double[] p : points) {
      b.append(px(p[0])).append(',').append(px(p[1])).append(' ');
    }
    b.append("\"/>");
    return this;
  }

  /** anchor: start, middle or end. */
  Svg text(double x, double y, String text, String anchor, String cls) {
    return text(x, y, text, anchor, cls, null, 0);
  }

  Svg text(double x, double y, String text, String anchor, String cls, String fill, double rotate) {
    return text(x, y, text, anchor, cls, fill, rotate, null);
  }

  Svg text(double x, double y, String text, String anchor, String cls, String fill, double rotate, Key key) {
    b.append("<text x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" text-anchor=\"")
        .append(anchor).append('"');
    cls(cls);
    b.append(Key.attrs(key));
    if (fill != null) {
      // a style, not the fill attribute: the page's CSS colours svg text and would win over an attribute
      b.append(" style=\"fill:").append(fill).append('"');
    }
    if (rotate != 0) {
      b.append(" transform=\"rotate(").append(px(rotate)).append(' ').append(px(x)).append(' ').append(px(y))
          .append(")\"");
    }
    b.append('>').append(esc(text)).append("</text>");
    return this;
  }

  private void cls(String cls) {
    if (cls != null) {
      b.append(" class=\"").append(cls).append('"');
    }
  }

  private Svg close(String tag, String title) {
    if (title == null) {
      b.append("/>");
    } else {
      b.append("><title>").append(esc(title)).append("</title></").append(tag).append('>');
    }
    return this;
  }

  /**
   * The element: the viewBox is the drawn size; a fluid chart is as wide as its box (the page's CSS sets width
   * 100%) between {@link #MIN_SCALE} of that size, where its 12-px text is still 8 px, and the size itself; a
   * fixed one keeps it. Beyond either, the chart's box scrolls.
   */
  String render(String ariaLabel) {
    String style = fixed ? "width:" + px(width) + "px;min-width:" + px(width) + "px"
        : "max-width:" + px(width) + "px;min-width:" + px(Math.round(width * MIN_SCALE)) + "px";
    return "<svg class=\"chart" + (fixed ? " fixed" : "") + "\" data-chart=\"" + esc(id)
        + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(width) + "\" height=\"" + px(height)
        + "\" viewBox=\"0 0 " + px(width) + " " + px(height) + "\" style=\"" + style + "\" role=\"img\" aria-label=\""
        + esc(ariaLabel) + "\">" + b + "</svg>";
  }

  /** How many charts an HTML fragment holds. */
  static int count(String html) {
    int n = 0;
    for (int i = html.indexOf("<svg class=\"chart"); i >= 0; i = html.indexOf("<svg class=\"chart", i + 1)) {
      n++;
    }
    return n;
  }

  /** A linear scale from a data domain to pixels. */
  record Scale(double d0, double d1, double r0, double r1) {
    double at(double v) {
      return d1 == d0 ? r0 : r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }
  }

  /** Rough width of 12 px sans-serif text; layouts only need to be safe, not exact. */
  static double textWidth(String s) {
    return s == null ? 0 : s.length() * 6.6;
  }

  /** "Nice" ticks (1, 2, 5 x 10^n) covering [lo, hi], about {@code n} of them. */
  static List<Double> ticks(double lo, double hi, int n) {
    List<Double> t = new ArrayList<>();
    if (!(hi > lo)) {
      t.add(lo);
      return t;
    }
    double raw = (hi - lo) / Math.max(1, n);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
    // multiples of the step, not a running sum: ten steps of 0.02 summed stop short of 0.2
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-6; k++) {
      t.add(k == 0 ? 0 : k * step);
    }
    return t;
  }

  /** Upper end of an axis that starts at 0: the first nice tick at or above {@code max}. */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    List<Double> t = ticks(0, max, 5);
    double last = t.get(t.size() - 1);
    if (last >= max) {
      return last;
    }
    return last + (t.size() > 1 ? t.get(1) - t.get(0) : max);
  }

  static String tick(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
