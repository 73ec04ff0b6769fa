package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The page's filter: a checkbox per tokenizer in its colour (the shared legend of every chart) and a language
 * box (codes, names or scripts). The page's script hides every element whose {@code data-tk} or
 * {@code data-lang} is filtered out, and keeps the state in the URL hash.
 */
final class FilterBar {
  private FilterBar() {}

  static String render(ReportContext ctx, Collection<String> langs) {
    List<String> flagged = ctx.unknown().flaggedIn(null, ctx.tokenizers());
    StringBuilder b = new StringBuilder("<div class=\"filterbar\" id=\"filter\"><details open><summary>Filter "
        + "<span class=\"filter-state\">all tokenizers, all languages</span></summary><div class=\"filter-body\">"
        + "<div class=\"tks\"><span class=\"filter-label\">Tokenizers</span> <button type=\"button\" "
        + "data-set=\"all\">all</button> <button type=\"button\" data-set=\"none\">none</button>");
    for (String tk : ctx.tokenizers()) {
      b.append(" <label><input type=\"checkbox\" value=\"").append(esc(tk)).append("\" checked><span class=\"swatch\" "
          + "style=\"background:").append(ctx.colour(tk)).append("\"></span>").append(esc(tk));
      if (flagged.contains(tk)) {
        b.append(" <span class=\"flag\" title=\"more than ").append(Html.pct(UnknownTokens.MAX_RATE, 0))
            .append(" unknown tokens on some languages\">").append(UnknownTokens.MARK).append("</span>");
      }
      b.append("</label>");
    }
    b.append("</div>");
    if (!langs.isEmpty()) {
      b.append("<label class=\"langs\"><span class=\"filter-label\">Languages</span> <input type=\"search\" "
          + "id=\"lang-filter\" placeholder=\"codes, names or scripts: hin, Thai, Deva\" autocomplete=\"off\">"
          + "</label>");
    }
    b.append("</div></details></div>");
    b.append("<script type=\"application/json\" id=\"lang-names\">{");
    String sep = "";
    for (String lang : new TreeSet<>(langs)) {
      String name = Languages.name(lang);
      if (name != null) {
        b.append(sep).append('"').append(json(lang)).append("\":\"").append(json(name)).append('"');
        sep = ",";
      }
    }
    return b.append("}</script>").toString();
  }

  /** A JSON string's content, safe inside a script element. */
  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
  }
}
