package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

/** The HTML a section builds: figures (a chart, its one-line definition, its legend beside it), notes, tables. */
final class SectionBody {
  private final StringBuilder b = new StringBuilder();

  /** A chart with its heading and definition; {@code legend} (may be null) goes beside it. */
  SectionBody figure(String heading, String explanation, String table, String svg, String legend) {
    return figure(heading, explanation, table, svg, legend, null);
  }

  /** As {@link #figure(String, String, String, String, String)}, with a flag note under the definition. */
  SectionBody figure(String heading, String explanation, String table, String svg, String legend, String note) {
    b.append("<figure class=\"chart-box\"><h3>").append(esc(heading)).append("</h3>");
    caption(explanation, table);
    flagNote(note);
    b.append("<div class=\"figbody\"><div class=\"plot\">").append(svg).append("</div>");
    if (legend != null) {
      b.append(legend);
    }
    b.append("</div></figure>");
    return this;
  }

  /** A definition line with a relative link to the table folder ({@code ../<table>/}, table may be null). */
  SectionBody caption(String text, String table) {
    b.append("<p class=\"explain\">").append(esc(text));
    if (table != null) {
      b.append(" <a href=\"../").append(esc(table)).append("/\">").append(esc(table)).append(" table</a>");
    }
    b.append("</p>");
    return this;
  }

  /** The sentence about numbers flagged for unknown tokens; nothing when {@code note} is null. */
  SectionBody flagNote(String note) {
    if (note != null) {
      b.append("<p class=\"flagnote\">").append(esc(note)).append("</p>");
    }
    return this;
  }

  SectionBody heading(String text) {
    b.append("<h3>").append(esc(text)).append("</h3>");
    return this;
  }

  /** Raw HTML built by a chart or table class (already escaped). */
  SectionBody html(String html) {
    b.append(html);
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
