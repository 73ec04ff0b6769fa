package org.tokenometry.jobs.report;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

  /**
   * The English name ICU gives a code, with the script: {@code hin_Deva} → "Hindi (Devanagari)", {@code zho_Hans}
   * → "Chinese (Simplified)"; null when ICU knows no name for the language (e.g. {@code acm_Arab}), so a page
   * never shows a made-up name.
   */
  public static String name(String lang) {
    if (lang == null) {
      return null;
    }
    String n = NAMES.computeIfAbsent(lang, Languages::icuName);
    return n.isEmpty() ? null : n;
  }

  /** The language alone ("Hindi" for {@code hin_Deva}), null when ICU has no name for it. */
  public static String language(String lang) {
    return name(lang) == null ? null : ULocale.forLanguageTag(lang.replace('_', '-')).getDisplayLanguage(ULocale.ENGLISH);
  }

  /** "hin_Deva Hindi": a chart label where the script already heads the group; the code alone without a name. */
  public static String shortLabel(String lang) {
    String n = language(lang);
    return n == null ? String.valueOf(lang) : lang + " " + n;
  }

  /** "hin_Deva Hindi (Devanagari)", or the code alone when ICU has no name. */
  public static String label(String lang) {
    String n = name(lang);
    return n == null ? String.valueOf(lang) : lang + " " + n;
  }

  private static String icuName(String lang) {
    ULocale l = ULocale.forLanguageTag(lang.replace('_', '-'));
    String language = l.getLanguage();
    String shown = l.getDisplayLanguage(ULocale.ENGLISH);
    if (language.isEmpty() || shown.isEmpty() || shown.toLowerCase(Locale.ROOT).equals(language)) {
      return "";
    }
    return l.getDisplayName(ULocale.ENGLISH);
  }

  /** Groups languages by script (Latin first, as the pivot usually is), then by code. */
  public static final Comparator<String> BY_SCRIPT = Comparator
      .comparing((String l) -> !"Latn".equals(script(l)))
      .thenComparing(Languages::script)
      .thenComparing(Comparator.naturalOrder());
}
