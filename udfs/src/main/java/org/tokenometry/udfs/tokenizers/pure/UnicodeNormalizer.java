package org.tokenometry.udfs.tokenizers.pure;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;

/**
 * NFC / NFKC with the alignments the Hugging Face engine records. Text that is already normalized maps one
 * to one. A changed segment (between normalization boundaries) is replayed the way the engine's
 * alignment-tracking normalizer reports it: every original character is decomposed (first piece "replaces"
 * it, further pieces are "inserted" and share its alignment), combining marks are reordered, and each
 * composition that swallows a "replacing" entry makes the composite "remove" one more original character;
 * a segment with as many characters out as in maps one to one. The changes are then applied positionally,
 * as NormalizedString.transform does. These rules are fitted to the reference engine on all of FLORES-200.
 */
final class UnicodeNormalizer {
  enum Form { NFC, NFKC }

  private final Normalizer2 norm;
  private final Normalizer2 decomp;
  private final Normalizer2 nfc = Normalizer2.getNFCInstance();

  UnicodeNormalizer(Form form) {
    this.norm = form == Form.NFC ? Normalizer2.getNFCInstance() : Normalizer2.getNFKCInstance();
    this.decomp = form == Form.NFC ? Normalizer2.getNFDInstance() : Normalizer2.getNFKDInstance();
  }

  /** The tokenizer.json normalizer of a byte-level BPE: NFC, NFKC or none (null); anything else is refused. */
  static UnicodeNormalizer of(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    String type = n.path("type").asText("");
    switch (type) {
      case "NFC":
        return new UnicodeNormalizer(UnicodeNormalizer.Form.NFC);
      case "NFKC":
        return new UnicodeNormalizer(UnicodeNormalizer.Form.NFKC);
      case "Sequence":
        JsonNode steps = n.path("normalizers");
        if (steps.size() == 0) {
          return null;
        }
        if (steps.size() == 1) {
          return of(steps.get(0));
        }
        throw Unsupported.feature("normalizer Sequence of " + steps.size() + " steps");
      default:
        throw Unsupported.feature("normalizer " + type);
    }
  }

  /** Whether {@code cp} alone is already normalized (this normalization leaves it as it is). */
  boolean unchanged(int cp) {
    return norm.isNormalized(new String(Character.toChars(cp)));
  }

  /** Whether text before {@code cp} and text from it normalize independently. */
  boolean boundaryBefore(int cp) {
    return norm.hasBoundaryBefore(cp);
  }

  void normalize(String text, int from, int to, Normalized out) {
    if (norm.spanQuickCheckYes(text.subSequence(from, to)) == to - from) {
      out.addIdentity(text, from, to);
      return;
    }
    int segStart = from;
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      if (i > segStart && norm.hasBoundaryBefore(cp)) {
        segment(text, segStart, i, out);
        segStart = i;
      }
      i += Character.charCount(cp);
    }
    if (segStart < to) {
      segment(text, segStart, to, out);
    }
  }

  private void segment(String text, int from, int to, Normalized out) {
    CharSequence seg = text.subSequence(from, to);
    if (norm.isNormalized(seg)) {
      out.addIdentity(text, from, to);
      return;
    }
    // 1. decompose each original character: entries (char, change, original index)
    int cap = 8 * (to - from) + 8;
    int[] ch = new int[cap];
    int[] change = new int[cap];
    int n = 0;
    int[] origStarts = new int[to - from + 1];
    int origCount = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      origStarts[origCount++] = i;
      String d = decomp.getDecomposition(cp);
      if (d == null) {
        ch[n] = cp;
        change[n++] = 0;
      } else {
        int k = 0;
        for (int j = 0; j < d.length(); ) {
          int dc = d.codePointAt(j);
          if (n == ch.length) {
            ch = Arrays.copyOf(ch, n * 2);
            change = Arrays.copyOf(change, n * 2);
          }
          ch[n] = dc;
          change[n++] = k++ == 0 ? 0 : 1;
          j += Character.charCount(dc);
        }
      }
      i += Character.charCount(cp);
    }
    origStarts[origCount] = to;
    // 2. canonical ordering: stable sort of each run of non-starters by combining class
    for (int i = 1; i < n; i++) {
      int cc = nfc.getCombiningClass(ch[i]);
      if (cc == 0) {
        continue;
      }
      int j = i;
      while (j > 0) {
        int pc = nfc.getCombiningClass(ch[j - 1]);
        if (pc == 0 || pc <= cc) {
          break;
        }
        swap(ch, j, j - 1);
        swap(change, j, j - 1);
        j--;
      }
    }
    // 3. canonical composition (compatibility mappings stay decomposed)
    int[] och = new int[n];
    int[] ochange = new int[n];
    int m = 0;
    int starter = -1;
    int lastCc = -1;
    for (int i = 0; i < n; i++) {
      int cc = nfc.getCombiningClass(ch[i]);
      if (starter >= 0) {
        boolean blocked = m - 1 > starter && (lastCc == 0 || lastCc >= cc);
        if (!blocked) {
          int comp = nfc.composePair(och[starter], ch[i]);
          if (comp >= 0) {
            och[starter] = comp;
            // swallowing an original character removes it; swallowing an inserted piece cancels the insertion
            ochange[starter] += change[i] - 1;
            continue;
          }
        }
      }
      if (cc == 0) {
        starter = m;
      }
      och[m] = ch[i];
      ochange[m] = change[i];
      m++;
      lastCc = cc;
    }
    // 4. as many characters out as in: the engine aligns them one to one (measured on Yoruba and Kanuri,
    // where reordering would otherwise move an alignment)
    if (m == origCount) {
      java.util.Arrays.fill(ochange, 0, m, 0);
    }
    // 5. apply positionally, as NormalizedString.transform does
    int p = 0;
    int prevStart = out.size > 0 ? out.origStart[out.size - 1] : from;
    int prevEnd = out.size > 0 ? out.origEnd[out.size - 1] : from;
    for (int i = 0; i < m; i++) {
      int s;
      int e;
      if (ochange[i] > 0) {
        s = prevStart;
        e = prevEnd;
      } else {
        int o = Math.min(p, origCount - 1);
        s = origStarts[o];
        e = origStarts[o + 1];
        p += 1 - ochange[i];
      }
      out.add(och[i], s, e);
      prevStart = s;
      prevEnd = e;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
