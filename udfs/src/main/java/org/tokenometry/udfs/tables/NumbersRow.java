package org.tokenometry.udfs.tables;

import org.tokenometry.udfs.metrics.NumberStats;

/**
 * {@code numbers}: one row per tokenizer x number set ({@code corpus}: the corpora's own digit runs;
 * {@code generated_integers}, {@code generated_grouped}, {@code generated_decimals}: see GeneratedNumbers).
 * Definitions in NumberStats and README, "Numbers".
 */
public record NumbersRow(String tokenizer, String numberSet, long runs, long digits, long pieces,
    Double oneDigitShare, Double twoDigitShare, Double threeDigitShare, Double fourPlusDigitShare,
    Double splitEntropy, Double boundaryPrecision, Double boundaryRecall, Double boundaryF1) {
  public static final String TABLE = "numbers";

  public static NumbersRow of(String tokenizer, String numberSet, NumberStats s) {
    return new NumbersRow(tokenizer, numberSet, s.runs(), s.digits(), s.pieces(), s.pieceShare(1),
        s.pieceShare(2), s.pieceShare(3), s.pieceShare(4), s.splitEntropy(), s.boundaryPrecision(),
        s.boundaryRecall(), s.boundaryF1());
  }
}
