package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import java.util.List;
import java.util.Map;

/**
 * Drop-down selectors that show one of several prepared views at a time (e.g. one retrieval setting, one
 * tokenizer's premium split). The page's script matches each {@code <select name="x">} of a {@code .rcontrols}
 * box against the {@code data-x} attribute of the {@code .rcombo} views in the same parent element; the first
 * view is shown before the script runs.
 */
final class Selectors {
  /** A selector: {@code name} (the views' {@code data-<name>}), its label, the values and what each shows. */
  record Choice(String name, String label, List<String> values, List<String> shown) {
    Choice(String name, String label, List<String> values) {
      this(name, label, values, values);
    }
  }

  private Selectors() {}

  /** The selectors with more than one value (the others choose nothing), and the no-match note. */
  static String controls(List<Choice> choices) {
    StringBuilder b = new StringBuilder("<div class=\"rcontrols\">");
    for (Choice c : choices) {
      if (c.values().size() < 2) {
        continue;
      }
      b.append("<label>").append(esc(c.label())).append(" <select name=\"").append(esc(c.name())).append("\">");
      for (int i = 0; i < c.values().size(); i++) {
        b.append("<option value=\"").append(esc(c.values().get(i))).append("\">").append(esc(c.shown().get(i)))
            .append("</option>");
      }
      b.append("</select></label>");
    }
    return b.append("<span class=\"rnone\" hidden>No results for this combination.</span></div>").toString();
  }

  /** The opening tag of a view: {@code values} maps each selector's name to the view's value; hidden unless first. */
  static String view(Map<String, String> values, boolean first) {
    StringBuilder b = new StringBuilder("<div class=\"rcombo\"");
    values.forEach((k, v) -> b.append(" data-").append(esc(k)).append("=\"").append(esc(v)).append('"'));
    return b.append(first ? ">" : " hidden>").toString();
  }
}
