package org.tokenometry.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performance targets of issues 8 and 9, evaluated on one run's measurements. Each target compares two
 * numbers measured side by side in the same run (a ratio), never an absolute speed.
 */
final class Targets {
  private final List<Map<String, Object>> engines;
  private final Map<String, Map<String, Object>> stage;
  private final List<Map<String, Object>> out = new ArrayList<>();

  Targets(List<Map<String, Object>> engines, Map<String, Map<String, Object>> stage) {
    this.engines = engines;
    this.stage = stage;
  }

  List<Map<String, Object>> evaluate(String stageTokenizer, int allTokenizers) {
    for (String corpus : List.of("english", "multilingual")) {
      for (String t : List.of("gpt4o", "gpt35turbo", "llama3")) {
        Double java = engine(corpus, "java", t, "cpu_mb_per_s");
        Double hf = engine(corpus, "hf", t, "cpu_mb_per_s");
        add("engine", "Java engine / reference engine, " + t + ", " + corpus, ratio(java, hf), ">=", 10.0);
      }
      add("engine", "Java engine / JTokkit, cl100k (gpt35turbo), " + corpus,
          ratio(engine(corpus, "java", "gpt35turbo", "cpu_mb_per_s"),
              engine(corpus, "jtokkit", "gpt35turbo", "cpu_mb_per_s")), ">=", 1.0);
      add("engine", "Java engine / JTokkit, o200k (gpt4o), " + corpus,
          ratio(engine(corpus, "java", "gpt4o", "cpu_mb_per_s"), engine(corpus, "jtokkit", "gpt4o", "cpu_mb_per_s")),
          ">=", 2.0);
      add("stage", "tokenize stage local[1] / raw engine (wall MB/s), " + stageTokenizer + ", " + corpus,
          ratio(stageValue(corpus + "-1x-local1", "mb_per_s"), engine(corpus, "java", stageTokenizer, "wall_mb_per_s")),
          ">=", 0.8);
      if (corpus.equals("english")) {
        add("stage", "tokenize stage local[1] / raw engine (wall MB/s), " + stageTokenizer + ", english, reference "
            + "engine (tokenize.engine: hf)", ratio(stageValue("english-hf-local1", "mb_per_s"),
            engine(corpus, "hf", stageTokenizer, "wall_mb_per_s")), ">=", 0.8);
        // the per-run fixed cost (jobs, five table writes, tokenizer loading) cancels out between 1x and 4x
        Double t1 = stageValue("english-1x-local2", "seconds");
        Double t4 = stageValue("english-4x-local2", "seconds");
        Double b1 = stageValue("english-1x-local2", "document_bytes");
        Double b4 = stageValue("english-4x-local2", "document_bytes");
        Double marginal = t1 == null || t4 == null || t4 <= t1 ? null : (b4 - b1) / 1e6 / (t4 - t1);
        add("stage (info)", "marginal stage MB/s (4x minus 1x, local[2]) / raw engine (wall MB/s), "
            + stageTokenizer + ", english", ratio(marginal, engine(corpus, "java", stageTokenizer, "wall_mb_per_s")),
            ">=", 0.8);
      }
      add("stage", "tokenize stage local[2] / local[1], " + corpus,
          ratio(stageValue(corpus + "-1x-local2", "mb_per_s"), stageValue(corpus + "-1x-local1", "mb_per_s")),
          ">=", 1.7);
    }
    add("stage", "tokenize stage local[2] / local[1], english, all " + allTokenizers + " tokenizers",
        ratio(stageValue("english-1x-local2-tokall", "mb_per_s"), stageValue("english-1x-local1-tokall", "mb_per_s")),
        ">=", 1.7);
    Double t1 = stageValue("english-1x-local2", "seconds");
    for (int k : new int[] {2, 4}) {
      add("scaling", "corpus " + k + "x: wall time / (" + k + " x wall time at 1x)",
          ratio(stageValue("english-" + k + "x-local2", "seconds"), t1 == null ? null : k * t1), "within10%", 1.0);
    }
    add("scaling", "4 tokenizers: wall time / (4 x wall time with 1)",
        ratio(stageValue("english-1x-local2-tok4", "seconds"), t1 == null ? null : 4 * t1), "within10%", 1.0);
    add("scaling", "all " + allTokenizers + " tokenizers: wall time / (" + allTokenizers + " x wall time with 1)",
        ratio(stageValue("english-1x-local2-tokall", "seconds"), t1 == null ? null : allTokenizers * t1),
        "within10%", 1.0);
    add("memory", "peak heap at 4x / peak heap at 1x", ratio(stageValue("english-4x-local2", "heap_peak_sampled_bytes"),
        stageValue("english-1x-local2", "heap_peak_sampled_bytes")), "<=", 1.10);
    return out;
  }

  private void add(String group, String name, Double value, String op, double goal) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("group", group);
    t.put("target", name);
    t.put("value", value == null ? null : EngineBench.round(value));
    t.put("goal", switch (op) {
      case "within10%" -> "0.90 .. 1.10";
      default -> op + " " + goal;
    });
    Boolean met = value == null ? null : switch (op) {
      case ">=" -> value >= goal;
      case "<=" -> value <= goal;
      default -> Math.abs(value - goal) <= 0.10 * goal;
    };
    t.put("met", met);
    out.add(t);
  }

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  private Double engine(String corpus, String engine, String tokenizer, String field) {
    for (Map<String, Object> r : engines) {
      if (corpus.equals(r.get("corpus")) && engine.equals(r.get("engine")) && tokenizer.equals(r.get("tokenizer"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) r.get(field);
        return ((Number) s.get("median")).doubleValue();
      }
    }
    return null;
  }

  private Double stageValue(String label, String field) {
    Map<String, Object> p = stage.get(label);
    return p == null || p.get(field) == null ? null : ((Number) p.get(field)).doubleValue();
  }
}
