package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose columns sort on click (the page's script reads {@code data-v}, numeric when it parses as a
 * number, so "1,234" and "–" sort by value, not by text). A row's {@link Svg.Key} lets the page's filter hide it;
 * a column that is one tokenizer's carries the tokenizer in its header and cells, so the filter hides the column.
 */
final class SortableTable {
  /**
   * {@code flag}: why the value is flagged (shown as ⚠ with the reason in its tooltip), or null; {@code html}: the
   * text is markup built (and escaped) by the caller, e.g. example pieces as {@code <code>}.
   */
  record Cell(String text, String sortValue, boolean numeric, String flag, boolean html) {
    Cell flagged(String why) {
      return why == null ? this : new Cell(text, sortValue, numeric, why, html);
    }
  }

  /** A column header; {@code tk} when the column is one tokenizer's. */
  record Column(String header, String tk) {}

  private record Row(Svg.Key key, List<Cell> cells) {}

  private final String id;
  private final List<Column> columns;
  private final List<Row> rows = new ArrayList<>();

  SortableTable(String id, List<String> headers) {
    this(id, headers, List.of());
  }

  /** {@code headers} first, then one column per tokenizer in {@code tokenizerColumns}. */
  SortableTable(String id, List<String> headers, List<String> tokenizerColumns) {
    this.id = id;
    List<Column> c = new ArrayList<>();
    headers.forEach(h -> c.add(new Column(h, null)));
    tokenizerColumns.forEach(tk -> c.add(new Column(tk, tk)));
    this.columns = List.copyOf(c);
  }

  static Cell text(String s) {
    return new Cell(s == null ? "–" : s, s == null ? "" : s, false, null, false);
  }

  static Cell num(Double v, String shown) {
    boolean ok = v != null && !v.isNaN() && !v.isInfinite();
    return new Cell(shown, ok ? Double.toString(v) : "", true, null, false);
  }

  /** Markup the caller built and escaped, sorted by {@code sortValue}. */
  static Cell html(String html, String sortValue) {
    return new Cell(html, sortValue, false, null, true);
  }

  static Cell count(Number v) {
    return num(v == null ? null : v.doubleValue(), v == null ? "–" : Html.count(v.longValue()));
  }

  SortableTable row(Svg.Key key, List<Cell> cells) {
    rows.add(new Row(key, List.copyOf(cells)));
    return this;
  }

  int size() {
    return rows.size();
  }

  String render() {
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"tablewrap\"><table class=\"sortable\" id=\"").append(esc(id)).append("\"><thead><tr>");
    for (Column c : columns) {
      b.append("<th title=\"click to sort\"").append(Svg.Key.attrs(c.tk() == null ? null : Svg.Key.tk(c.tk())))
          .append('>').append(esc(c.header())).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (Row r : rows) {
      b.append("<tr").append(Svg.Key.attrs(r.key())).append('>');
      for (int i = 0; i < r.cells().size(); i++) {
        Cell c = r.cells().get(i);
        String tk = i < columns.size() ? columns.get(i).tk() : null;
        String cls = (c.numeric() ? "n" : "") + (c.flag() != null ? (c.numeric() ? " " : "") + "flagged" : "");
        b.append("<td");
        if (!cls.isEmpty()) {
          b.append(" class=\"").append(cls).append('"');
        }
        if (tk != null) {
          b.append(Svg.Key.attrs(Svg.Key.tk(tk)));
        }
        if (c.flag() != null) {
          b.append(" title=\"").append(esc(c.flag())).append('"');
        }
        b.append(" data-v=\"").append(esc(c.sortValue())).append("\">").append(c.html() ? c.text() : esc(c.text()));
        if (c.flag() != null) {
          b.append(' ').append(UnknownTokens.MARK);
        }
        b.append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table></div>");
    return b.toString();
  }
}
