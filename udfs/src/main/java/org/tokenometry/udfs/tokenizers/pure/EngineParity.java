package org.tokenometry.udfs.tokenizers.pure;

import java.util.Arrays;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * Compares two engines token by token; describes the first difference for a failure message. Shared by the
 * parity tests and {@code scripts/bench --parity}.
 */
public final class EngineParity {
  private EngineParity() {}

  /** Null when ids, offsets and flags are equal, else a description of the first difference. */
  public static String diff(Tokenizer expectedEngine, Tokenizer actualEngine, String text) {
    Encoding want = expectedEngine.encode(text);
    Encoding got = actualEngine.encode(text);
    if (Arrays.equals(want.ids(), got.ids()) && Arrays.equals(want.starts(), got.starts())
        && Arrays.equals(want.ends(), got.ends()) && Arrays.equals(want.flags(), got.flags())) {
      return null;
    }
    int n = Math.min(want.size(), got.size());
    int i = 0;
    while (i < n && want.ids()[i] == got.ids()[i] && want.starts()[i] == got.starts()[i]
        && want.ends()[i] == got.ends()[i] && want.flags()[i] == got.flags()[i]) {
      i++;
    }
    return "token " + i + " of " + want.size() + "/" + got.size() + ": expected " + describe(expectedEngine, want, i, text)
        + " got " + describe(actualEngine, got, i, text) + " in " + snippet(text, want, got, i);
  }

  private static String describe(Tokenizer t, Encoding e, int i, String text) {
    if (i >= e.size()) {
      return "<end>";
    }
    return e.ids()[i] + " '" + t.tokenString(e.ids()[i]) + "' [" + e.starts()[i] + "," + e.ends()[i] + ") flags "
        + e.flags()[i];
  }

  private static String snippet(String text, Encoding a, Encoding b, int i) {
    int at = i < a.size() ? a.starts()[i] : i < b.size() ? b.starts()[i] : text.length();
    int from = Math.max(0, at - 20);
    int to = Math.min(text.length(), at + 30);
    return "\"" + text.substring(from, to).replace("\n", "\\n").replace("\r", "\\r") + "\" (at " + at + ")";
  }
}
