package org.tokenometry.udfs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenometry.udfs.perturb.SplitMix64;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/**
 * The generated number set of the {@code numbers} table: for each length L = 1..12, {@code perLength} integers
 * of exactly L digits, each written three ways. Drawn from {@code SplitMix64.of(seed, "numbers", "generated")},
 * per integer in order: the first digit ({@code nextInt(10)} when L = 1, else {@code 1 + nextInt(9)}), the
 * other L - 1 digits ({@code nextInt(10)} each), the fraction length F = {@code 1 + nextInt(4)} and its F digits.
 * Forms: {@code generated_integers} ({@code 1234567}), {@code generated_grouped} (thousands separated by
 * commas, {@code 1,234,567}), {@code generated_decimals} (the integer, a point and the fraction,
 * {@code 1234567.25}). Each number is encoded on its own.
 */
public record GeneratedNumbers(List<String> integers, List<String> grouped, List<String> decimals) {
  public static final String INTEGERS = "generated_integers";
  public static final String GROUPED = "generated_grouped";
  public static final String DECIMALS = "generated_decimals";
  public static final int MAX_DIGITS = 12;

  public static GeneratedNumbers of(long seed, int perLength) {
    if (perLength < 0) {
      throw new IllegalArgumentException("numbers per length must be >= 0, got " + perLength);
    }
    SplitMix64 random = SplitMix64.of(seed, "numbers", "generated");
    List<String> ints = new ArrayList<>();
    List<String> grouped = new ArrayList<>();
    List<String> decimals = new ArrayList<>();
    for (int len = 1; len <= MAX_DIGITS; len++) {
      for (int i = 0; i < perLength; i++) {
        StringBuilder n = new StringBuilder(len);
        n.append(len == 1 ? random.nextInt(10) : 1 + random.nextInt(9));
        for (int d = 1; d < len; d++) {
          n.append(random.nextInt(10));
        }
        StringBuilder fraction = new StringBuilder();
        for (int f = 1 + random.nextInt(4); f > 0; f--) {
          fraction.append(random.nextInt(10));
        }
        ints.add(n.toString());
        grouped.add(group(n.toString()));
        decimals.add(n + "." + fraction);
      }
    }
    return new GeneratedNumbers(List.copyOf(ints), List.copyOf(grouped), List.copyOf(decimals));
  }

  /** Thousands separators from the right: 1234567 -> 1,234,567. */
  static String group(String digits) {
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }

  /** The three sets through one tokenizer, by {@code number_set} name. */
  public Map<String, NumberStats> measure(Tokenizer t) {
    Map<String, NumberStats> out = new LinkedHashMap<>();
    out.put(INTEGERS, measure(t, integers));
    out.put(GROUPED, measure(t, grouped));
    out.put(DECIMALS, measure(t, decimals));
    return out;
  }

  private static NumberStats measure(Tokenizer t, List<String> numbers) {
    NumberStats s = new NumberStats();
    for (String n : numbers) {
      s.add(n, t.encode(n));
    }
    return s;
  }
}
