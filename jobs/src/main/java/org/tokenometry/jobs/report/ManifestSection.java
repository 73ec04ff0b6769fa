package org.tokenometry.jobs.report;

import static org.tokenometry.jobs.report.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run manifest as tables: run facts, per-stage timings and counts, records per input source, tokenizers with
 * engine, source and sha256, rejected records by reason, and the config as run (key paths and values).
 */
final class ManifestSection implements Section {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Keys of a stage shown in their own columns or tables, not among its counts. */
  private static final List<String> NOT_COUNTS = List.of("status", "seconds", "sources", "rejects_by_reason", "file");

  private final JsonNode manifest;

  ManifestSection(String manifestJson) {
    JsonNode m;
    try {
      m = manifestJson == null ? null : JSON.readTree(manifestJson);
    } catch (IOException e) {
      m = null;
    }
    this.manifest = m != null && m.isObject() ? m : null;
  }

  @Override
  public String id() {
    return "manifest";
  }

  @Override
  public String title() {
    return "Run manifest";
  }

  @Override
  public String skipReason(ReportData data) {
    return manifest == null ? "no run manifest (_manifest.json) was found" : null;
  }

  @Override
  public String render(ReportData data, ReportContext ctx) {
    SectionBody out = new SectionBody();
    out.caption("As recorded when this report was drawn (the report stage is still running then; the final "
        + "status is in ../_manifest.json).", null);
    StringBuilder facts = new StringBuilder("<dl class=\"facts\">");
    for (String k : List.of("run_id", "status", "started", "finished")) {
      if (manifest.hasNonNull(k)) {
        facts.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(manifest.get(k).asText())).append("</dd>");
      }
    }
    if (manifest.has("versions")) {
      List<String> v = new ArrayList<>();
      fields(manifest.get("versions")).forEach(e -> v.add(e.getKey() + " " + e.getValue().asText()));
      facts.append("<dt>versions</dt><dd>").append(esc(String.join(" · ", v))).append("</dd>");
    }
    out.html(facts.append("</dl>").toString());
    stages(out);
    sources(out);
    tokenizers(out);
    rejects(data, out);
    config(out);
    return out.toString();
  }

  private void stages(SectionBody out) {
    JsonNode stages = manifest.path("stages");
    if (!stages.isObject() || stages.isEmpty()) {
      return;
    }
    Table t = new Table("stages", "stage", "status", ">seconds", "counts");
    for (Map.Entry<String, JsonNode> e : fields(stages)) {
      List<String> counts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> f : fields(e.getValue())) {
        String value = scalar(f.getValue());
        if (!NOT_COUNTS.contains(f.getKey()) && !value.isEmpty()) {
          counts.add(f.getKey() + ": " + value);
        }
      }
      t.row(e.getKey(), e.getValue().path("status").asText(), e.getValue().path("seconds").asText(),
          String.join(" · ", counts));
    }
    out.heading("Stages").html(t.render());
  }

  /** Per input source: what the config read (format, mode, bytes) and what ingest made of it. */
  private void sources(SectionBody out) {
    Map<String, String[]> rows = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : fields(manifest.path("inputs"))) {
      JsonNode in = e.getValue();
      rows.put(e.getKey(), new String[] {in.path("corpus").asText(""), e.getKey(), in.path("format").asText(""),
          in.path("mode").asText(""), count(in.path("size")), "", "", "", ""});
    }
    for (Map.Entry<String, JsonNode> c : fields(manifest.path("stages").path("ingest").path("sources"))) {
      for (Map.Entry<String, JsonNode> s : fields(c.getValue())) {
        JsonNode n = s.getValue();
        String[] r = rows.computeIfAbsent(s.getKey(), k -> new String[] {c.getKey(), k, "", "", count(n.path("bytes")),
            "", "", "", ""});
        r[5] = count(n.path("records"));
        r[6] = count(n.path("documents"));
        r[7] = count(n.path("rejects"));
        r[8] = count(n.path("repaired_records"));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Table t = new Table("sources", "corpus", "source", "format", "mode", ">bytes", ">records", ">documents",
        ">rejects", ">repaired");
    rows.values().stream().sorted((a, b) -> a[0].compareTo(b[0]) != 0 ? a[0].compareTo(b[0]) : a[1].compareTo(b[1]))
        .forEach(t::row);
    out.heading("Inputs").caption("records read = documents + rejects, per source; repaired = records with a "
        + "removed BOM or replaced control characters.", "rejects").html(t.render());
  }

  private void tokenizers(SectionBody out) {
    JsonNode tk = manifest.path("tokenizers");
    if (!tk.isObject() || tk.isEmpty()) {
      return;
    }
    Table t = new Table("tokenizers", "name", "engine", "source", ">vocabulary", "sha256", "file");
    for (Map.Entry<String, JsonNode> e : fields(tk)) {
      JsonNode n = e.getValue();
      t.row(e.getKey(), n.path("type").asText(""), n.path("source").asText(""), count(n.path("vocab_size")),
          n.path("sha256").asText(""), n.path("file").asText(""));
    }
    out.heading("Tokenizers").html(t.render());
  }

  private static void rejects(ReportData data, SectionBody out) {
    out.heading("Rejected records");
    if (data.missing().contains("rejects")) {
      out.html("<p class=\"note\">No <code>rejects</code> table (the ingest stage writes it).</p>");
    } else if (data.rejectsByReason().isEmpty()) {
      out.html("<p>None: every record read became a document.</p>");
    } else {
      Table t = new Table("rejects", "reason", ">records");
      new TreeMap<>(data.rejectsByReason()).forEach((reason, n) -> t.row(reason, Html.count(n)));
      out.html(t.render()).caption("Details per record in the rejects table.", "rejects");
    }
  }

  /** The config as run, one row per key path ({@code corpora[0].paths}), collapsed: it is long. */
  private void config(SectionBody out) {
    JsonNode config = manifest.path("config");
    if (!config.isObject()) {
      return;
    }
    Table t = new Table("config", "key", "value");
    flatten("", config, t);
    out.html("<details class=\"config\"><summary>Config as run</summary>" + t.render() + "</details>");
  }

  private static void flatten(String path, JsonNode n, Table t) {
    if (n.isObject()) {
      fields(n).forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), t));
    } else if (n.isArray() && n.size() > 0 && !n.get(0).isValueNode()) {
      for (int i = 0; i < n.size(); i++) {
        flatten(path + "[" + i + "]", n.get(i), t);
      }
    } else if (!n.isNull()) {
      t.row(path, scalar(n));
    }
  }

  /** A value as text: arrays joined with ", ", objects as "key value" pairs; empty ones as nothing. */
  private static String scalar(JsonNode n) {
    List<String> parts = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> parts.add(scalar(x)));
    } else if (n.isObject()) {
      fields(n).forEach(f -> parts.add(f.getKey() + " " + scalar(f.getValue())));
    } else {
      return n.isNull() ? "" : n.asText();
    }
    return String.join(", ", parts);
  }

  private static String count(JsonNode n) {
    return n.isNumber() ? Html.count(n.asLong()) : n.asText("");
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A plain table; a header starting with '>' is a numeric (right-aligned) column. */
  private static final class Table {
    private final StringBuilder b = new StringBuilder();
    private final boolean[] numeric;

    Table(String id, String... headers) {
      numeric = new boolean[headers.length];
      b.append("<div class=\"tablewrap\"><table class=\"plain\" id=\"manifest-").append(id).append("\"><tr>");
      for (int i = 0; i < headers.length; i++) {
        numeric[i] = headers[i].startsWith(">");
        b.append("<th>").append(esc(numeric[i] ? headers[i].substring(1) : headers[i])).append("</th>");
      }
      b.append("</tr>");
    }

    void row(String... cells) {
      b.append("<tr>");
      for (int i = 0; i < cells.length; i++) {
        b.append(numeric[i] ? "<td class=\"n\">" : "<td>").append(esc(cells[i])).append("</td>");
      }
      b.append("</tr>");
    }

    String render() {
      return b + "</table></div>";
    }
  }
}
