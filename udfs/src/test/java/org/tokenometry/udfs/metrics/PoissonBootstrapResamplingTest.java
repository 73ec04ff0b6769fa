package org.tokenometry.udfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pass's Poisson bootstrap against the textbook one: resampling n ids with replacement, B times. Both use
 * B = 4,000 replicates here. The Monte Carlo standard error of a 2.5 % or 97.5 % quantile from B replicates of
 * a near-normal statistic with standard deviation σ is sqrt(q (1 − q) / B) / φ(1.96) · σ ≈ 0.042 σ, so the two
 * methods' endpoints differ by about 0.06 σ (one standard error of the difference); Poisson and multinomial
 * resampling differ by O(1/n) beyond that. The tolerance is 0.25 σ, four standard errors. The interval's width
 * is also checked against the delta method's 2 · 1.96 · SE within 10 %.
 */
class PoissonBootstrapResamplingTest {
  static final int N = 300;
  static final int B = 4000;

  /** A parallel corpus of N ids: pivot and language tokens and bytes per id. */
  record Corpus(String[] ids, long[] pivotTokens, long[] langTokens, long[] pivotBytes, long[] langBytes) {
    static Corpus generate(long seed) {
      Random r = new Random(seed);
      String[] ids = new String[N];
      long[] pt = new long[N];
      long[] lt = new long[N];
      long[] pb = new long[N];
      long[] lb = new long[N];
      for (int i = 0; i < N; i++) {
        ids[i] = "flores200:dev:" + (i + 1);
        pt[i] = 10 + r.nextInt(40);
        lt[i] = Math.round(pt[i] * (1.2 + r.nextDouble()));
        pb[i] = Math.round(pt[i] * (4 + r.nextDouble()));
        lb[i] = Math.round(pb[i] * (1.0 + 0.4 * r.nextDouble()));
      }
      return new Corpus(ids, pt, lt, pb, lb);
    }
  }

  /** The textbook bootstrap: B resamples of N ids with replacement; {premium, byte premium, quotient} each. */
  static double[][] directReplicates(Corpus c, long seed) {
    Random r = new Random(seed);
    double[][] out = new double[3][B];
    for (int b = 0; b < B; b++) {
      long lt = 0;
      long pt = 0;
      long lb = 0;
      long pb = 0;
      for (int k = 0; k < N; k++) {
        int i = r.nextInt(N);
        lt += c.langTokens[i];
        pt += c.pivotTokens[i];
        lb += c.langBytes[i];
        pb += c.pivotBytes[i];
      }
      out[0][b] = (double) lt / pt;
      out[1][b] = (double) lb / pb;
      out[2][b] = out[0][b] / out[1][b];
    }
    return out;
  }

  static double sd(double[] x) {
    double m = java.util.Arrays.stream(x).average().orElseThrow();
    return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
  }

  /** Delta-method standard error of Σ num / Σ den over N iid ids. */
  static double deltaSe(long[] num, long[] den) {
    double sn = 0;
    double sd = 0;
    for (int i = 0; i < N; i++) {
      sn += num[i];
      sd += den[i];
    }
    double ratio = sn / sd;
    double ss = 0;
    for (int i = 0; i < N; i++) {
      ss += Math.pow(num[i] - ratio * den[i], 2);
    }
    return Math.sqrt(ss * N / (N - 1.0)) / sd;
  }

  static void assertClose(ConfidenceInterval direct, double sigma, Double low, Double high, String what) {
    assertEquals(direct.low(), low, 0.25 * sigma, what + " low");
    assertEquals(direct.high(), high, 0.25 * sigma, what + " high");
  }

  @Test
  void premiumIntervalsMatchResamplingIds() {
    Corpus c = Corpus.generate(11);
    BootstrapSums lang = new BootstrapSums();
    BootstrapSums pivot = new BootstrapSums();
    long[] sums = new long[4];
    for (int i = 0; i < N; i++) {
      byte[] w = BootstrapWeights.of(c.ids[i], B, 42); // one id, one weight, in both languages
      lang.add(w, true, c.langTokens[i], c.langBytes[i]);
      pivot.add(w, true, c.pivotTokens[i], c.pivotBytes[i]);
      sums[0] += c.langTokens[i];
      sums[1] += c.pivotTokens[i];
      sums[2] += c.langBytes[i];
      sums[3] += c.pivotBytes[i];
    }
    PremiumSplit s = PremiumSplit.of(sums, lang, pivot);
    double[][] direct = directReplicates(c, 7);
    assertClose(ConfidenceInterval.percentile95(direct[0]), sd(direct[0]), s.premiumCiLow(), s.premiumCiHigh(),
        "premium");
    assertClose(ConfidenceInterval.percentile95(direct[1]), sd(direct[1]), s.bytePremiumCiLow(),
        s.bytePremiumCiHigh(), "byte premium");
    assertClose(ConfidenceInterval.percentile95(direct[2]), sd(direct[2]), s.tokenizerPremiumCiLow(),
        s.tokenizerPremiumCiHigh(), "tokenizer premium");
    assertEquals(2 * 1.96 * deltaSe(c.langTokens, c.pivotTokens), s.premiumCiHigh() - s.premiumCiLow(),
        0.1 * 2 * 1.96 * deltaSe(c.langTokens, c.pivotTokens));
    assertEquals(2 * 1.96 * deltaSe(c.langBytes, c.pivotBytes), s.bytePremiumCiHigh() - s.bytePremiumCiLow(),
        0.1 * 2 * 1.96 * deltaSe(c.langBytes, c.pivotBytes));
  }

  @Test
  void bytesPerTokenIntervalMatchesResamplingDocuments() {
    // documents without parallel ids: weighted by their doc ids, resampled as documents
    Corpus c = Corpus.generate(12);
    BootstrapSums s = new BootstrapSums();
    for (int i = 0; i < N; i++) {
      s.add(BootstrapWeights.of("doc-" + i, B, 42), false, c.langTokens[i], c.langBytes[i]);
    }
    BytesPerTokenInterval ci = BytesPerTokenInterval.of(s);
    Random r = new Random(3);
    double[] direct = new double[B];
    for (int b = 0; b < B; b++) {
      long bytes = 0;
      long tokens = 0;
      for (int k = 0; k < N; k++) {
        int i = r.nextInt(N);
        bytes += c.langBytes[i];
        tokens += c.langTokens[i];
      }
      direct[b] = (double) bytes / tokens;
    }
    assertClose(ConfidenceInterval.percentile95(direct), sd(direct), ci.bytesPerTokenCiLow(),
        ci.bytesPerTokenCiHigh(), "bytes per token");
    assertEquals(2 * 1.96 * deltaSe(c.langBytes, c.langTokens), ci.bytesPerTokenCiHigh() - ci.bytesPerTokenCiLow(),
        0.1 * 2 * 1.96 * deltaSe(c.langBytes, c.langTokens));
  }
}
