package org.tokenometry.jobs.report;

import com.ibm.icu.lang.UScript;
import java.util.Comparator;

/** FLORES-style language codes ({@code <iso639-3>_<Script>}) as the report groups them. */
public final class Languages {
  public static final String UNKNOWN_SCRIPT = "Zyyy";

  private Languages() {}

  /** The ISO 15924 script in the code ({@code hin_Deva} → {@code Deva}); {@code Zyyy} (undetermined) otherwise. */
  public static String script(String lang) {
    if (lang == null) {
      return UNKNOWN_SCRIPT;
    }
    int i = lang.lastIndexOf('_');
    return i > 0 && i < lang.length() - 1 ? lang.substring(i + 1) : UNKNOWN_SCRIPT;
  }

  private static final java.util.Map<String, String> SCRIPT_NAMES = java.util.Map.ofEntries(
      java.util.Map.entry("Latn", "Latin"), java.util.Map.entry("Cyrl", "Cyrillic"),
      java.util.Map.entry("Arab", "Arabic"), java.util.Map.entry("Deva", "Devanagari"),
      java.util.Map.entry("Beng", "Bengali"), java.util.Map.entry("Taml", "Tamil"),
      java.util.Map.entry("Telu", "Telugu"), java.util.Map.entry("Hans", "Han, simplified"),
      java.util.Map.entry("Hant", "Han, traditional"), java.util.Map.entry("Hani", "Han"),
      java.util.Map.entry("Jpan", "Japanese"), java.util.Map.entry("Hang", "Hangul"),
      java.util.Map.entry("Kore", "Korean"), java.util.Map.entry("Thai", "Thai"),
      java.util.Map.entry("Grek", "Greek"), java.util.Map.entry("Hebr", "Hebrew"),
      java.util.Map.entry("Ethi", "Ethiopic"), java.util.Map.entry("Geor", "Georgian"),
      java.util.Map.entry("Armn", "Armenian"), java.util.Map.entry("Mymr", "Myanmar"),
      java.util.Map.entry("Khmr", "Khmer"), java.util.Map.entry("Tibt", "Tibetan"),
      java.util.Map.entry("Common", "Common: digits, punctuation"), java.util.Map.entry("Zyyy", "undetermined"));

  /**
   * "Devanagari (Deva)" for a known ISO 15924 code (our names first, then ICU's: FLORES-200 has scripts such as
   * Olck and Tfng), the code itself otherwise.
   */
  public static String scriptLabel(String code) {
    String name = SCRIPT_NAMES.get(code);
    if (name == null) {
      int icu = UScript.getCodeFromName(code);
      name = icu == UScript.INVALID_CODE ? null : UScript.getName(icu).replace('_', ' ');
    }
    if (name == null || name.equalsIgnoreCase(code)) {
      return code;
    }
    return name.equals(code) || name.startsWith(code + ":") ? name : name + " (" + code + ")";
  }

  /** Groups languages by script (Latin first, as the pivot usually is), then by code. */
  public static final Comparator<String> BY_SCRIPT = Comparator
      .comparing((String l) -> !"Latn".equals(script(l)))
      .thenComparing(Languages::script)
      .thenComparing(Comparator.naturalOrder());
}
