package org.tokenometry.udfs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocIdsTest {
  @Test
  void docIdIsSha1OfSourceAndRecordNumber() {
    // python3: hashlib.sha1(b'file:/data/eng_Latn.dev#17').hexdigest()[:16]
    assertEquals("475403ce72fc8d75", DocIds.docId("file:/data/eng_Latn.dev", 17));
    assertEquals(DocIds.docId("file:/data/eng_Latn.dev", 17), DocIds.docId("file:/data/eng_Latn.dev", 17));
    assertNotEquals(DocIds.docId("file:/data/eng_Latn.dev", 17), DocIds.docId("file:/data/eng_Latn.dev", 18));
    assertNotEquals(DocIds.docId("file:/data/eng_Latn.dev", 17), DocIds.docId("file:/data/fra_Latn.dev", 17));
  }

  @Test
  void shardIsSha1OfDocIdModShards() {
    // python3: int.from_bytes(hashlib.sha1(b'475403ce72fc8d75').digest()[:4], 'big') % 64
    assertEquals(49, DocIds.shard("475403ce72fc8d75", 64));
    for (int i = 0; i < 1000; i++) {
      int s = DocIds.shard("doc-" + i, 7);
      assertTrue(s >= 0 && s < 7);
    }
    assertThrows(IllegalArgumentException.class, () -> DocIds.shard("x", 0));
  }

  @Test
  void parallelIdNamesCorpusSplitAndRecord() {
    assertEquals("flores200:dev:17", DocIds.parallelId("flores200", "dev", 17));
  }
}
