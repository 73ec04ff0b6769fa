package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose columns sort on click (the page's small inline script reads {@code data-v}, numeric when
 * it parses as a number, so "1,234" and "–" sort by value, not by text).
 */
final class SortableTable {
  record Cell(String text, String sortValue, boolean numeric) {}

  private final String id;
  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  SortableTable(String id, List<String> headers) {
    this.id = id;
    this.headers = List.copyOf(headers);
  }

  static Cell text(String s) {
    return new Cell(s == null ? "–" : s, s == null ? "" : s, false);
  }

  static Cell num(Double v, String shown) {
    boolean ok = v != null && !v.isNaN() && !v.isInfinite();
    return new Cell(shown, ok ? Double.toString(v) : "", true);
  }

  SortableTable row(List<Cell> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  int size() {
    return rows.size();
  }

  String render() {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"tablewrap\"><table class=\"sortable\" id=\"").append(esc(id)).append("\"><thead><tr>");
    for (String h : headers) {
      b.append("<th title=\"click to sort\">").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<Cell> r : rows) {
      b.append("<tr>");
      for (Cell c : r) {
        b.append(c.numeric() ? "<td class=\"n\"" : "<td").append(" data-v=\"").append(esc(c.sortValue()))
            .append("\">").append(esc(c.text())).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    return b.toString();
  }
}
