package org.tokenometry.jobs.tokenize;

import java.io.Serializable;
import java.util.Map;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.udfs.metrics.RobustnessPlan;

/**
 * What the pass computes besides compression and coverage, shipped with it: whether to count digit runs
 * ({@code numbers}), and the robustness plan (null when off) with each (corpus, lang) group's document count,
 * which the plan's sampling probability needs before the pass sees the group.
 */
record HealthSettings(boolean numbers, RobustnessPlan robustness, Map<String, Long> groupDocs)
    implements Serializable {
  /** Digit runs on, robustness off: the defaults. */
  static final HealthSettings DEFAULT = new HealthSettings(true, null, Map.of());

  HealthSettings {
    groupDocs = Map.copyOf(groupDocs);
  }

  /** {@code groupDocs}: documents per {@link #key}; unused when the config has no robustness. */
  static HealthSettings of(TokenizeConfig cfg, Map<String, Long> groupDocs) {
    TokenizeConfig.Robustness r = cfg.robustness();
    RobustnessPlan plan = r.enabled() ? RobustnessPlan.of(r.perturbations(), r.rate(), r.samplePerLang(), r.seed())
        : null;
    return new HealthSettings(cfg.numbers().enabled(), plan, plan == null ? Map.of() : groupDocs);
  }

  static String key(String corpus, String lang) {
    return corpus + "\u0000" + lang;
  }

  /** The sampling probability of a (corpus, lang) group; 0 when robustness is off. */
  double sampleProbability(String corpus, String lang) {
    if (robustness == null) {
      return 0;
    }
    Long n = groupDocs.get(key(corpus, lang));
    return robustness.sampleProbability(n == null ? 0 : n);
  }
}
