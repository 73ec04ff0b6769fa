package org.tokenometry.jobs.report;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenometry.udfs.tables.CompressionRow;
import org.tokenometry.udfs.tables.CoverageRow;

/** Renders one section alone and reads what it drew: charts, their sizes, every data mark's tooltip and fill. */
final class ReportHtml {
  static final Pattern SVG = Pattern.compile("<svg class=\"chart( fixed)?\" data-chart=\"([^\"]+)\"[^>]* width=\""
      + "([0-9.]+)\" height=\"([0-9.]+)\"");
  /** A data mark or no-data cell: y, width, height, fill, class, tokenizer, language, tooltip. */
  static final Pattern RECT = Pattern.compile("<rect x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" "
      + "height=\"([0-9.]+)\" fill=\"(#[0-9a-f]{6})\" class=\"((?:mark|empty)[a-z ]*)\"(?: data-tk=\"([^\"]*)\")?"
      + "(?: data-lang=\"([^\"]*)\")?><title>([^<]+)</title></rect>");

  private ReportHtml() {}

  static ReportData data(List<CompressionRow> compression, List<CoverageRow> coverage) {
    return new ReportData(compression, coverage, List.of(), List.of(), List.of(), Map.of(), List.of());
  }

  /** The section's content, rendered on its own; fails when the section says it has nothing to show. */
  static String render(Section s, ReportData data, List<String> tokenizers) {
    assertNull(s.skipReason(data), "section " + s.id() + " has content");
    return s.render(data, new ReportContext(data, tokenizers));
  }

  /** The {@code <svg>} of chart {@code id}. */
  static String chart(String html, String id) {
    int at = html.indexOf("data-chart=\"" + id + "\"");
    assertTrue(at >= 0, "chart " + id + " in " + ids(html));
    int start = html.lastIndexOf("<svg", at);
    return html.substring(start, html.indexOf("</svg>", at) + 6);
  }

  static List<String> ids(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      ids.add(m.group(2));
    }
    return ids;
  }

  /** {width, height} of the first chart in {@code svg}. */
  static double[] size(String svg) {
    Matcher m = SVG.matcher(svg);
    assertTrue(m.find(), svg.substring(0, Math.min(300, svg.length())));
    return new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
  }

  /** tooltip → fill of every data mark and no-data cell. */
  static Map<String, String> fills(String html) {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher x = RECT.matcher(html);
    while (x.find()) {
      m.put(x.group(8), x.group(4));
    }
    return m;
  }

  /** tooltip → the matched groups of every data mark (see {@link #RECT}). */
  static Map<String, String[]> rects(String html) {
    Map<String, String[]> m = new LinkedHashMap<>();
    Matcher x = RECT.matcher(html);
    while (x.find()) {
      String[] g = new String[9];
      for (int i = 1; i <= 8; i++) {
        g[i] = x.group(i);
      }
      m.put(x.group(8), g);
    }
    return m;
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  /** Group 1 of every match. */
  static List<String> all(String s, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(s);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Every data cell's "height x width". */
  static List<String> cellSizes(String svg) {
    List<String> sizes = new ArrayList<>();
    Matcher m = RECT.matcher(svg);
    while (m.find()) {
      sizes.add(m.group(3) + "x" + m.group(2));
    }
    return sizes;
  }

  /** The text of the HTML table with this id. */
  static String table(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertTrue(at >= 0, "table " + id);
    return html.substring(at, html.indexOf("</table>", at));
  }
}
