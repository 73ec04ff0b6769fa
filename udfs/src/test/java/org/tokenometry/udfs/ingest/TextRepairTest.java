package org.tokenometry.udfs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextRepairTest {
  @Test
  void replacesNulAndOtherC0ControlsWithSpacesButKeepsTabNewlineReturn() {
    String raw = "a\u0000b\u0001c\td\ne\rf\u000cg\u001bh";
    TextRepair.Result r = TextRepair.repair(raw);
    assertEquals("a b c\td\ne\rf g h", r.text());
    assertEquals(4, r.repaired());
    assertEquals(raw.length(), r.text().length());
  }

  @Test
  void offsetsIntoTheRawTextStillPointAtTheSameCharacters() {
    // as in broadcom.txt, where NULs stand for a "ti" ligature and question sets were made from the raw file
    String raw = "For the transi\u0000on period; Iden\u0000\ufb01ca\u0000on No. 😀 end";
    String text = TextRepair.repair(raw).text();
    int start = raw.indexOf("period");
    assertEquals("period", text.substring(start, start + 6));
    int emoji = raw.indexOf("😀");
    assertEquals("😀 end", text.substring(emoji));
    assertEquals(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    // an excerpt copied from the raw file, NULs and all, matches the repaired text at its offsets
    String excerpt = raw.substring(raw.indexOf("Iden"), raw.indexOf(" No."));
    assertEquals(text.substring(raw.indexOf("Iden"), raw.indexOf(" No.")), TextRepair.replaceControls(excerpt));
    assertEquals("Iden \ufb01ca on", TextRepair.replaceControls(excerpt));
  }

  @Test
  void removesLeadingByteOrderMarkOnly() {
    TextRepair.Result r = TextRepair.repair("\uFEFFhello\uFEFF");
    assertEquals("hello\uFEFF", r.text());
    assertEquals(1, r.repaired());
  }

  @Test
  void cleanTextIsUntouched() {
    String s = "ฉันกินข้าว 我 😀";
    TextRepair.Result r = TextRepair.repair(s);
    assertSame(s, r.text());
    assertEquals(0, r.repaired());
  }
}
