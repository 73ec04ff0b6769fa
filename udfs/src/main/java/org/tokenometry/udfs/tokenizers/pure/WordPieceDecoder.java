package org.tokenometry.udfs.tokenizers.pure;

import java.util.ArrayList;
import java.util.List;

/**
 * The WordPiece decoder: every token after the first loses one leading continuation prefix ({@code ##}) or, when
 * it has none, gets a space in front; with cleanup, each token then has the spaces before common punctuation
 * and English contractions removed (the reference engine's list, applied per token in this order).
 */
final class WordPieceDecoder implements Decoder {
  private static final String[][] CLEANUP = {
      {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"}, {" 'm", "'m"},
      {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};

  private final String prefix;
  private final boolean cleanup;

  WordPieceDecoder(String prefix, boolean cleanup) {
    this.prefix = prefix;
    this.cleanup = cleanup;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (i != 0) {
        t = t.startsWith(prefix) ? t.substring(prefix.length()) : " " + t;
      }
      if (cleanup) {
        for (String[] r : CLEANUP) {
          t = t.replace(r[0], r[1]);
        }
      }
      out.add(t);
    }
    return out;
  }
}
