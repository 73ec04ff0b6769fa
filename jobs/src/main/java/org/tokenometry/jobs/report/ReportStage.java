package org.tokenometry.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tokenometry.jobs.Stage;
import org.tokenometry.jobs.StageContext;
import org.tokenometry.jobs.console.RunSummary;

/** Aggregate tables + run manifest -> {@code <output>/report/index.html} (one self-contained file). */
public final class ReportStage implements Stage {
  public static final String FILE = "report/index.html";

  @Override
  public String name() {
    return "report";
  }

  @Override
  public void run(StageContext ctx) {
    ReportData data = ReportTables.load(ctx.tables());
    if (!data.missing().isEmpty()) {
      // one message wrapped at 80 columns: a line per table with its path ran past them (the manifest lists them)
      RunSummary.wrap("[report] tables not in this output, so their sections are skipped: "
          + String.join(", ", data.missing()), 0).forEach(l -> ctx.console().info("%s", l));
    }
    ReportPage page = new ReportPage(data, ctx.config().tokenizers(), ctx.config().report().title());
    String html = page.render(ctx.manifest().toJson(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Path target = new Path(ctx.tables().output() + "/" + FILE);
    write(ctx, target, html);
    var m = ctx.manifest().stage(name());
    m.put("file", target.toString());
    m.put("bytes", html.getBytes(StandardCharsets.UTF_8).length);
    m.put("tables_missing", data.missing());
    ctx.console().info("[report] %s", target);
  }

  /** Temp file + rename, so a reader never sees half a page. */
  private static void write(StageContext ctx, Path target, String html) {
    Path tmp = new Path(target.getParent(), ".index.html.tmp");
    try {
      FileSystem fs = ctx.tables().fs(target);
      fs.mkdirs(target.getParent());
      try (OutputStream os = fs.create(tmp, true)) {
        os.write(html.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report to " + target + ": " + e.getMessage(), e);
    }
  }
}
