package org.tokenometry.udfs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextRepairTest {
  @Test
  void removesNulAndOtherC0ControlsButKeepsTabNewlineReturn() {
    TextRepair.Result r = TextRepair.repair("a\u0000b\u0001c\td\ne\rf\u000cg\u001bh");
    assertEquals("abc\td\ne\rfgh", r.text());
    assertEquals(4, r.removed());
  }

  @Test
  void removesLeadingByteOrderMarkOnly() {
    TextRepair.Result r = TextRepair.repair("\uFEFFhello\uFEFF");
    assertEquals("hello\uFEFF", r.text());
    assertEquals(1, r.removed());
  }

  @Test
  void cleanTextIsUntouched() {
    String s = "ฉันกินข้าว 我 😀";
    TextRepair.Result r = TextRepair.repair(s);
    assertSame(s, r.text());
    assertEquals(0, r.removed());
  }
}
