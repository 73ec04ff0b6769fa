package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.perturb.PerturbedText;

class RobustnessPlanTest {
  @Test
  void samplesByDocIdAndSeedAlone() {
    RobustnessPlan plan = RobustnessPlan.of(List.of("upper"), 0.05, 2000, 42);
    assertEquals(1.0, plan.sampleProbability(1500), 0);
    assertEquals(1.0, plan.sampleProbability(2000), 0);
    assertEquals(0.25, plan.sampleProbability(8000), 0);
    // uniforms of d1..d5 (seed 42), from an independent Python implementation: 0.190, 0.862, 0.467, 0.479, 0.741
    boolean[] expected = {true, false, true, true, false};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], plan.samples("d" + (i + 1), 0.5), "d" + (i + 1));
    }
    assertTrue(plan.samples("anything", 1.0));
    assertFalse(RobustnessPlan.of(List.of("upper"), 0.05, 2000, 42).samples("d2", 0.8)); // 0.862
    assertTrue(RobustnessPlan.of(List.of("upper"), 0.05, 2000, 42).samples("d2", 0.9));
  }

  @Test
  void eachPerturbationHasItsOwnStream() {
    DocumentText doc = DocumentText.of("The quick brown fox");
    PerturbedText alone = RobustnessPlan.of(List.of("typos"), 0.3, 10, 7).perturb("doc-2", doc).get(0);
    List<PerturbedText> both = RobustnessPlan.of(List.of("upper", "typos"), 0.3, 10, 7).perturb("doc-2", doc);
    assertEquals("THE QUICK BROWN FOX", both.get(0).text());
    assertEquals("The 2uick browb fox", alone.text()); // as KeyboardTyposTest: seed 7, doc-2
    assertEquals(alone.text(), both.get(1).text());
    assertEquals("typos", both.get(1).perturbation());
  }

  @Test
  void shipsToExecutorsAndRejectsBadSettings() throws Exception {
    RobustnessPlan plan = RobustnessPlan.of(List.of("homoglyphs", "zero_width"), 0.5, 10, 42);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(plan);
    }
    RobustnessPlan copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RobustnessPlan) in.readObject();
    }
    DocumentText doc = DocumentText.of("peace cape");
    assertEquals(plan.perturb("x", doc).get(0).text(), copy.perturb("x", doc).get(0).text());
    assertEquals(plan.perturb("x", doc).get(1).text(), copy.perturb("x", doc).get(1).text());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RobustnessPlan.of(List.of("capitals"), 0.05, 10, 1));
    assertTrue(e.getMessage().contains("unknown perturbation 'capitals'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RobustnessPlan.of(List.of("upper"), 0.05, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> RobustnessPlan.of(List.of("upper", "upper"), 0.05, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> RobustnessPlan.of(List.of("typos"), 1.5, 1, 1));
  }
}
