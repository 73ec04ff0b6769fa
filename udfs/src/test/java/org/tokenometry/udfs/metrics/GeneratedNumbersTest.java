package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.TokenizerRegistry;

class GeneratedNumbersTest {
  @Test
  void seededIntegersOfEveryLength() {
    // from an independent Python implementation of the draws (README, "Numbers")
    GeneratedNumbers g = GeneratedNumbers.of(42, 1);
    assertEquals(List.of("2", "95", "196", "3327", "65911", "473423", "3428562", "95034967", "285675218",
        "6785045391", "39434930319", "352746318166"), g.integers());
    assertEquals("3,428,562", g.grouped().get(6));
    assertEquals("352,746,318,166", g.grouped().get(11));
    assertEquals("196", g.grouped().get(2));
    assertEquals(List.of("2.7462", "95.6311", "196.99"), g.decimals().subList(0, 3));
    assertEquals(240, GeneratedNumbers.of(42, 20).integers().size());
    assertEquals("153001081286", GeneratedNumbers.of(42, 20).integers().get(239));
    assertEquals("1,234", GeneratedNumbers.group("1234"));
  }

  @Test
  void cl100kOnGeneratedIntegers() {
    // cl100k cuts an L-digit number 3|3|...|rest. Per 12 lengths: 3-digit pieces 22, 1-digit 4 (L = 1, 4, 7, 10),
    // 2-digit 4 (L = 2, 5, 8, 11) of 30. Cuts match the ideal when 3 divides L (TP 1+2+3 for L = 6, 9, 12) and
    // miss it otherwise (FP = FN = 1+1+2+2+3+3 = 12): precision = recall = F1 = 6/18. One pattern per length.
    Map<String, NumberStats> m = GeneratedNumbers.of(42, 20)
        .measure(TokenizerRegistry.open("gpt35turbo", "hf", ReferenceData.tokenizer("gpt35turbo")));
    NumberStats ints = m.get(GeneratedNumbers.INTEGERS);
    assertEquals(240, ints.runs());
    assertEquals(600, ints.pieces());
    assertEquals(4.0 / 30, ints.pieceShare(1), 1e-12);
    assertEquals(4.0 / 30, ints.pieceShare(2), 1e-12);
    assertEquals(22.0 / 30, ints.pieceShare(3), 1e-12);
    assertEquals(1.0 / 3, ints.boundaryPrecision(), 1e-12);
    assertEquals(1.0 / 3, ints.boundaryF1(), 1e-12);
    assertEquals(0.0, ints.splitEntropy(), 0);
    // with separators every group is one token: no cut to make, none made
    NumberStats grouped = m.get(GeneratedNumbers.GROUPED);
    assertEquals(grouped.runs(), grouped.pieces());
    assertNull(grouped.boundaryF1());
    assertEquals(List.of(GeneratedNumbers.INTEGERS, GeneratedNumbers.GROUPED, GeneratedNumbers.DECIMALS),
        List.copyOf(m.keySet()));
    assertEquals(480, m.get(GeneratedNumbers.DECIMALS).runs()); // integer part and fraction
  }

  @Test
  void llama2OnGeneratedIntegers() {
    // one digit per token: Σ(L-1) = 66 cuts per 12 numbers, of which the 18 ideal ones are TP:
    // precision 18/66, recall 1, F1 36/84
    NumberStats ints = GeneratedNumbers.of(42, 5)
        .measure(TokenizerRegistry.open("llama2", "hf", ReferenceData.tokenizer("llama2")))
        .get(GeneratedNumbers.INTEGERS);
    assertEquals(1.0, ints.pieceShare(1), 0);
    assertEquals(18.0 / 66, ints.boundaryPrecision(), 1e-12);
    assertEquals(1.0, ints.boundaryRecall(), 0);
    assertEquals(36.0 / 84, ints.boundaryF1(), 1e-12);
    assertEquals(0.0, ints.splitEntropy(), 0);
  }
}
