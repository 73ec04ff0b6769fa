package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.Comparator;
import java.util.List;
import org.tokenometry.udfs.tables.CompressionRow;

/**
 * The languages each tokenizer makes most expensive (highest token premium), per parallel corpus. A tokenizer
 * with unknown tokens on any language of the corpus is not ranked: its low premiums there are an artefact.
 */
final class WorstLanguagesSection implements Section {
  /** Languages listed per tokenizer. */
  static final int TOP = 5;

  @Override
  public String id() {
    return "worst";
  }

  @Override
  public String title() {
    return "Most expensive languages";
  }

  @Override
  public String skipReason(ReportData data) {
    return new PremiumSection().skipReason(data);
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<CompressionRow> rows = PremiumSection.premiums(data);
    for (String corpus : LanguageGrids.distinct(rows, CompressionRow::corpus)) {
      List<CompressionRow> cr = rows.stream().filter(r -> corpus.equals(r.corpus())).toList();
      List<String> tks = ctx.present(cr.stream().map(CompressionRow::tokenizer).toList());
      out.heading("Highest premiums per tokenizer: " + corpus);
      out.caption("The " + TOP + " languages that cost each tokenizer the most tokens for the same content as the "
          + "pivot language, most expensive first; the mean is over all languages of the corpus.", "compression");
      StringBuilder t = new StringBuilder("<div class=\"tablewrap\"><table class=\"ranking\" id=\"worst-")
          .append(esc(corpus)).append("\"><thead><tr><th>tokenizer</th><th>mean premium</th>");
      for (int i = 1; i <= TOP; i++) {
        t.append("<th>").append(i).append("</th>");
      }
      t.append("</tr></thead><tbody>");
      for (String tk : tks) {
        List<CompressionRow> mine = cr.stream().filter(r -> tk.equals(r.tokenizer())).toList();
        t.append("<tr data-tk=\"").append(esc(tk)).append("\"><td><span class=\"swatch\" style=\"background:")
            .append(ctx.colour(tk)).append("\"></span>").append(esc(tk)).append("</td>");
        List<CompressionRow> flagged = mine.stream()
            .filter(r -> ctx.unknown().flagged(tk, corpus, r.lang())).toList();
        if (!flagged.isEmpty()) {
          CompressionRow worst = flagged.stream().max(Comparator.comparingDouble(
              r -> ctx.unknown().rate(tk, corpus, r.lang()))).orElseThrow();
          t.append("<td class=\"flagged\" colspan=\"").append(TOP + 1).append("\">").append(UnknownTokens.MARK)
              .append(" not ranked: more than ").append(Html.pct(UnknownTokens.MAX_RATE, 0))
              .append(" unknown tokens on ").append(flagged.size()).append(" of ").append(mine.size())
              .append(" languages (up to ").append(Html.pct(ctx.unknown().rate(tk, corpus, worst.lang()), 1))
              .append(" on <span data-lang=\"").append(esc(worst.lang())).append("\">")
              .append(esc(Languages.label(worst.lang()))).append("</span>)</td></tr>");
          continue;
        }
        double mean = mine.stream().mapToDouble(CompressionRow::premium).average().orElse(Double.NaN);
        t.append("<td class=\"n\">").append(Html.num(mean, 2)).append("</td>");
        List<CompressionRow> top = mine.stream().sorted(Comparator.comparingDouble(CompressionRow::premium).reversed()
            .thenComparing(CompressionRow::lang)).limit(TOP).toList();
        for (int i = 0; i < TOP; i++) {
          t.append("<td>");
          if (i < top.size()) {
            CompressionRow r = top.get(i);
            String name = Languages.language(r.lang());
            t.append("<span data-lang=\"").append(esc(r.lang())).append("\" title=\"")
                .append(esc(Languages.label(r.lang()))).append("\">").append(name == null ? "" : esc(name) + " ")
                .append("<code>").append(esc(r.lang())).append("</code> <b>").append(Html.num(r.premium(), 2))
                .append("×</b></span>");
          }
          t.append("</td>");
        }
        t.append("</tr>");
      }
      out.html(t.append("</tbody></table></div>").toString());
    }
    return out.toString();
  }
}
