package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tokenometry.udfs.tables.FairnessRow;

/** The Gini coefficient of premiums per tokenizer and parallel corpus, and the fairness table. */
final class FairnessSection implements Section {
  @Override
  public String id() {
    return "fairness";
  }

  @Override
  public String title() {
    return "Fairness";
  }

  @Override
  public String skipReason(ReportData data) {
    if (data.missing().contains("fairness")) {
      return Section.missingTokenizeTable(data, "fairness");
    }
    return data.fairness().isEmpty() ? NO_PARALLEL : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    List<String> tks = ctx.present(data.fairness().stream().map(FairnessRow::tokenizer).toList());
    List<String> corpora = LanguageGrids.distinct(data.fairness(), FairnessRow::corpus);
    List<BarChart.Group> groups = new ArrayList<>();
    List<String> flaggedAll = new ArrayList<>();
    for (String c : corpora) {
      List<String> flagged = ctx.unknown().flaggedIn(c, tks);
      flagged.stream().filter(tk -> !flaggedAll.contains(tk)).forEach(flaggedAll::add);
      List<BarChart.Item> items = new ArrayList<>();
      for (String tk : tks) {
        double gini = data.fairness().stream().filter(f -> tk.equals(f.tokenizer()) && c.equals(f.corpus()))
            .mapToDouble(FairnessRow::gini).findFirst().orElse(Double.NaN);
        items.add(new BarChart.Item(tk, List.of(new BarChart.Bar(tk, gini, ctx.colour(tk),
            flagged.contains(tk) ? UnknownTokens.MARK + " unknown tokens on some languages" : null,
            Svg.Key.tk(tk))), Svg.Key.tk(tk)));
      }
      groups.add(new BarChart.Group(corpora.size() > 1 ? c : null, items));
    }
    out.figure("Gini coefficient of premiums", "Inequality of token premiums across a parallel corpus's languages "
            + "(0 = every language costs the same).", "fairness",
        BarChart.render("gini", groups, "Gini", Double.NaN, v -> Html.num(v, 2)), null,
        UnknownTokens.note(ctx.present(flaggedAll), "their bars are pale"));
    SortableTable t = new SortableTable("fairness-table", List.of("tokenizer", "corpus", "languages", "pivot",
        "mean premium", "max premium", "most expensive", "name", "Gini", "Gini of byte premiums",
        "Gini of tokenizer premiums"));
    for (FairnessRow f : data.fairness().stream()
        .sorted(Comparator.comparing((FairnessRow x) -> ctx.rank(x.tokenizer()))
        .thenComparing(FairnessRow::corpus, Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
      String flag = ctx.unknown().flaggedIn(f.corpus(), List.of(f.tokenizer())).isEmpty() ? null
          : UnknownTokens.MARK + " unknown tokens on some languages of the corpus";
      t.row(Svg.Key.tk(f.tokenizer()), List.of(SortableTable.text(f.tokenizer()), SortableTable.text(f.corpus()),
          SortableTable.num((double) f.languages(), String.valueOf(f.languages())),
          SortableTable.text(f.pivotLang()),
          SortableTable.num(f.premiumMean(), Html.num(f.premiumMean(), 2)).flagged(flag),
          SortableTable.num(f.premiumMax(), Html.num(f.premiumMax(), 2)).flagged(flag),
          SortableTable.text(f.premiumMaxLang()), SortableTable.text(Languages.name(f.premiumMaxLang())),
          SortableTable.num(f.gini(), Html.num(f.gini(), 3)).flagged(flag),
          SortableTable.num(f.bytePremiumGini(), Html.num(f.bytePremiumGini(), 3)),
          SortableTable.num(f.tokenizerPremiumGini(), Html.num(f.tokenizerPremiumGini(), 3))
              .flagged(f.tokenizerPremiumGini() == null ? null : flag)));
    }
    out.caption("The Gini of byte premiums is the inequality the texts bring before any tokenizer (the same for "
        + "every tokenizer); that of tokenizer premiums, what the tokenizer adds.", "fairness");
    out.html(t.render());
    return out.toString();
  }
}
