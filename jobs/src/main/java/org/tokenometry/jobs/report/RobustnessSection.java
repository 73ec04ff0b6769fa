package org.tokenometry.jobs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tokenometry.udfs.perturb.Perturbations;
import org.tokenometry.udfs.tables.RobustnessRow;

/**
 * Robustness: token inflation as a tokenizer x perturbation heat map, over every language weighted by tokens or,
 * chosen with a selector, over one language (one script in a corpus of more than
 * {@value LanguageGrids#FEW_LANGUAGES} languages: 204 matrices would weigh megabytes); the word-change rate in
 * each cell's tooltip and in the table. A tokenizer with unknown tokens in the languages of a view is flagged
 * there: a perturbed word that becomes one [UNK] costs no extra token.
 */
final class RobustnessSection implements Section {
  static final String ALL = "all";
  static final String NOT_CONFIGURED = "no robustness table (the tokenize stage writes it when tokenize.robustness "
      + "is set)";

  /** Sums over some rows of one tokenizer and perturbation; the ratios as the table defines them. */
  record Sums(long docs, long changedDocs, long words, long changedWords, long tokens, long perturbedTokens) {
    static Sums of(List<RobustnessRow> rows) {
      long[] s = new long[6];
      for (RobustnessRow r : rows) {
        s[0] += r.docs();
        s[1] += r.changedDocs();
        s[2] += r.words();
        s[3] += r.changedWords();
        s[4] += r.tokens();
        s[5] += r.perturbedTokens();
      }
      return new Sums(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    Double inflation() {
      return tokens == 0 ? null : (double) perturbedTokens / tokens;
    }

    Double wordChangeRate() {
      return words == 0 ? null : (double) changedWords / words;
    }
  }

  @Override
  public String id() {
    return "robustness";
  }

  @Override
  public String title() {
    return "Robustness";
  }

  @Override
  public String skipReason(ReportData data) {
    String why = Section.missingTokenizeTable(data, RobustnessRow.TABLE);
    if (why != null) {
      return why.equals(NO_TOKENIZE) ? why : NOT_CONFIGURED;
    }
    return data.robustness().isEmpty() ? "the robustness table is empty" : null;
  }

  /** The perturbations in the order the README lists them; unknown names after them, sorted. */
  static List<String> perturbations(List<RobustnessRow> rows) {
    List<String> found = LanguageGrids.distinct(rows, RobustnessRow::perturbation);
    List<String> out = new ArrayList<>(Perturbations.NAMES.stream().filter(found::contains).toList());
    found.stream().filter(p -> !out.contains(p)).forEach(out::add);
    return out;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    List<RobustnessRow> rows = data.robustness();
    List<String> tks = ctx.present(rows.stream().map(RobustnessRow::tokenizer).toList());
    List<String> perts = perturbations(rows);
    List<String> langs = LanguageGrids.langs(rows.stream().map(RobustnessRow::lang).toList());
    boolean byScript = langs.size() > LanguageGrids.FEW_LANGUAGES;
    Map<String, String> scopes = new LinkedHashMap<>(); // value -> what the selector shows
    scopes.put(ALL, "all (weighted by tokens)");
    if (byScript) {
      LanguageGrids.byScript(langs).forEach((s, ls) -> scopes.put(s, Languages.scriptLabel(s) + ": " + ls.size()
          + (ls.size() == 1 ? " language" : " languages")));
    } else {
      langs.forEach(l -> scopes.put(l, Languages.label(l)));
    }
    StringBuilder views = new StringBuilder(Selectors.controls(List.of(new Selectors.Choice("scope", byScript
        ? "scripts" : "languages", List.copyOf(scopes.keySet()), List.copyOf(scopes.values())))));
    List<String> flagged = new ArrayList<>();
    boolean first = true;
    for (String scope : scopes.keySet()) {
      Predicate<RobustnessRow> in = scope.equals(ALL) ? r -> true
          : byScript ? r -> scope.equals(Languages.script(r.lang())) : r -> scope.equals(r.lang());
      List<RobustnessRow> sr = rows.stream().filter(in).toList();
      double[][] values = new double[tks.size()][perts.size()];
      String[][] notes = new String[tks.size()][perts.size()];
      String[][] flags = new String[tks.size()][perts.size()];
      for (int t = 0; t < tks.size(); t++) {
        String tk = tks.get(t);
        List<RobustnessRow> mine = sr.stream().filter(r -> tk.equals(r.tokenizer())).toList();
        String flag = unknownTokens(mine, ctx.unknown());
        if (flag != null && !flagged.contains(tk)) {
          flagged.add(tk);
        }
        for (int p = 0; p < perts.size(); p++) {
          String pert = perts.get(p);
          Sums s = Sums.of(mine.stream().filter(r -> pert.equals(r.perturbation())).toList());
          values[t][p] = PremiumSection.orNaN(s.inflation());
          notes[t][p] = Html.pct(s.wordChangeRate(), 1) + " of words change; " + Html.count(s.changedDocs())
              + " of " + Html.count(s.docs()) + " documents changed";
          flags[t][p] = flag;
        }
      }
      HeatMap.Grid grid = new HeatMap.Grid(values, flags, notes);
      views.append(Selectors.view(Map.of("scope", scope), first)).append(HeatMap.render("robustness-" + scope, tks,
          List.of(new HeatMap.ColumnGroup("perturbation", perts)), grid, LinearScale.over(values, grid.excluded(),
              "tokens × original", v -> Html.num(v, 2)), v -> Html.num(v, 2), false)).append("</div>");
      first = false;
    }
    SectionBody out = new SectionBody();
    out.figure("Token inflation under perturbations", "Tokens of the perturbed documents over tokens of the "
            + "originals (1.00 = unchanged), summed over the sampled documents of the languages chosen; the tooltip "
            + "adds the word-change rate: words whose pieces changed, a new cut inside the word, bytes in place of a "
            + "character or [UNK] in place of the word. Perturbations as in the README (upper and title case, "
            + "look-alike letters, zero-width characters, mathematical styling, NFD, keyboard typos, extra spaces).",
        RobustnessRow.TABLE, views.toString(), null, UnknownTokens.note(ctx.present(flagged), "their cells are "
            + "grey and outside the colour scale (a perturbed word that becomes one [UNK] costs no extra token)"));
    out.html(table(rows, tks, perts));
    return out.toString();
  }

  /** Why a tokenizer's numbers over these rows are flagged: unknown tokens over their tokens, or null. */
  private static String unknownTokens(List<RobustnessRow> rows, UnknownTokens unk) {
    double tokens = 0;
    double unknown = 0;
    for (RobustnessRow r : rows) {
      tokens += r.tokens();
      unknown += r.tokens() * unk.rate(r.tokenizer(), r.corpus(), r.lang());
    }
    double rate = tokens == 0 ? 0 : unknown / tokens;
    return rate > UnknownTokens.MAX_RATE ? UnknownTokens.why(rate) : null;
  }

  private static String table(List<RobustnessRow> rows, List<String> tks, List<String> perts) {
    SortableTable t = new SortableTable("robustness-table", List.of("tokenizer", "perturbation", "documents",
        "changed documents", "words", "changed words", "tokens", "perturbed tokens", "token inflation",
        "word change rate"));
    for (String tk : tks) {
      for (String pert : perts) {
        List<RobustnessRow> mine = rows.stream().filter(r -> tk.equals(r.tokenizer())
            && pert.equals(r.perturbation())).toList();
        if (mine.isEmpty()) {
          continue;
        }
        Sums s = Sums.of(mine);
        t.row(Svg.Key.tk(tk), List.of(SortableTable.text(tk), SortableTable.text(pert), SortableTable.count(s.docs()),
            SortableTable.count(s.changedDocs()), SortableTable.count(s.words()), SortableTable.count(s.changedWords()),
            SortableTable.count(s.tokens()), SortableTable.count(s.perturbedTokens()),
            SortableTable.num(s.inflation(), Html.num(s.inflation(), 3)),
            SortableTable.num(s.wordChangeRate(), Html.pct(s.wordChangeRate(), 1))));
      }
    }
    return "<h3>Over every language</h3>" + t.render();
  }
}
