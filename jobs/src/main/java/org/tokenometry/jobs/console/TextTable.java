package org.tokenometry.jobs.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a terminal: columns padded to their widest cell, numbers right-aligned, and the
 * widest text column shortened with "…" until the line fits {@code maxWidth} (80 for a classic terminal).
 */
public final class TextTable {
  private final List<String> headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  /** A header starting with '>' marks a right-aligned (numeric) column; the '>' is not printed. */
  public TextTable(String... headers) {
    this.headers = new ArrayList<>();
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].startsWith(">");
      this.headers.add(right[i] ? headers[i].substring(1) : headers[i]);
    }
  }

  public TextTable row(String... cells) {
    String[] r = new String[headers.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = i < cells.length && cells[i] != null ? cells[i] : "";
    }
    rows.add(r);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public List<String> lines(int indent, int maxWidth) {
    int n = headers.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = headers.get(i).length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    while (indent + sum(w) + 2 * (n - 1) > maxWidth) {
      int widest = -1;
      for (int i = 0; i < n; i++) {
        if (!right[i] && (widest < 0 || w[i] > w[widest])) {
          widest = i;
        }
      }
      if (widest < 0 || w[widest] <= 4) {
        break;
      }
      w[widest]--;
    }
    List<String> out = new ArrayList<>();
    out.add(format(headers.toArray(new String[0]), w, indent));
    for (String[] r : rows) {
      out.add(format(r, w, indent));
    }
    return out;
  }

  private String format(String[] cells, int[] w, int indent) {
    StringBuilder b = new StringBuilder(" ".repeat(indent));
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].length() > w[i] ? cells[i].substring(0, w[i] - 1) + "…" : cells[i];
      String pad = " ".repeat(w[i] - c.length());
      b.append(right[i] ? pad + c : c + (i < cells.length - 1 ? pad : ""));
      if (i < cells.length - 1) {
        b.append("  ");
      }
    }
    return b.toString().stripTrailing();
  }

  private static int sum(int[] w) {
    int s = 0;
    for (int x : w) {
      s += x;
    }
    return s;
  }
}
