package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PremiumGinisTest {
  @Test
  void giniOfByteAndTokenizerPremiums() {
    // {lang tokens, pivot tokens, lang bytes, pivot bytes}
    long[] eng = {30, 30, 100, 100}; // premium 1, byte premium 1, tokenizer premium 1
    long[] fra = {40, 30, 120, 100}; // 4/3, 1.2, 10/9
    long[] deu = {60, 30, 100, 100}; // 2, 1, 2
    PremiumGinis g = PremiumGinis.of(List.of(eng, fra, deu));
    // byte premiums (1, 1.2, 1): Σ_i Σ_j |d| = 4 * 0.2 = 0.8; 2 n² mean = 2 * 9 * 3.2/3 = 19.2 -> 1/24
    assertEquals(0.8 / 19.2, g.bytePremiumGini(), 1e-12);
    // tokenizer premiums (1, 10/9, 2): 2 (1/9 + 1 + 8/9) = 4; 2 * 9 * (37/9)/3 = 74/3 -> 12/74
    assertEquals(12.0 / 74, g.tokenizerPremiumGini(), 1e-12);
  }

  @Test
  void withoutBytesThereIsNoByteGini() {
    PremiumGinis g = PremiumGinis.of(List.of(new long[] {30, 30}, new long[] {40, 30}));
    assertNull(g.bytePremiumGini());
    assertNull(g.tokenizerPremiumGini());
  }
}
