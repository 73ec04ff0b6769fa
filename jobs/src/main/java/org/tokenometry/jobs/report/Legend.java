package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.List;

/**
 * A legend as an HTML list beside a chart (above it on a narrow page), shared by every chart of a figure that
 * shows the same series; a tokenizer's entry carries its {@code data-tk} so the page's filter hides it too.
 */
final class Legend {
  /** One entry: a colour swatch, or a line sample when {@code dash} is set; {@code note} follows the label. */
  record Entry(String label, String colour, String dash, String note, Svg.Key key) {}

  private Legend() {}

  /** Tokenizers in their colours; a flagged one (unknown tokens) is marked. */
  static String tokenizers(List<String> tokenizers, ReportContext ctx, List<String> flagged) {
    return render(null, tokenizers.stream().map(tk -> new Entry(tk, ctx.colour(tk), null,
        flagged.contains(tk) ? UnknownTokens.MARK : null, Svg.Key.tk(tk))).toList());
  }

  static String render(String title, List<Entry> entries) {
    StringBuilder b = new StringBuilder("<ul class=\"legend\">");
    if (title != null) {
      b.append("<li class=\"legend-title\">").append(esc(title)).append("</li>");
    }
    for (Entry e : entries) {
      b.append("<li").append(Svg.Key.attrs(e.key())).append('>');
      if (e.dash() == null) {
        b.append("<span class=\"swatch\" style=\"background:").append(esc(e.colour())).append("\"></span>");
      } else {
        b.append("<svg class=\"swatch-line\" width=\"28\" height=\"10\" viewBox=\"0 0 28 10\"><line x1=\"1\" y1=\"5\" "
            + "x2=\"27\" y2=\"5\" stroke=\"").append(esc(e.colour())).append("\" stroke-width=\"2.5\"");
        if (!e.dash().isEmpty()) {
          b.append(" stroke-dasharray=\"").append(esc(e.dash())).append('"');
        }
        b.append("/></svg>");
      }
      b.append(esc(e.label()));
      if (e.note() != null) {
        b.append(" <span class=\"flag\">").append(esc(e.note())).append("</span>");
      }
      b.append("</li>");
    }
    return b.append("</ul>").toString();
  }
}
