package org.tokenometry.jobs.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.ConfigLoader;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.QaConfig;

class QaConfigTest {
  @TempDir Path tmp;

  @Test
  void yamlKeysAreSnakeCaseAndImportPathsResolveAgainstTheConfig() throws Exception {
    Path conf = tmp.resolve("conf");
    Files.createDirectories(conf);
    Path yaml = conf.resolve("qa.yaml");
    Files.writeString(yaml, String.join("\n",
        "output: out",
        "stages: [qa]",
        "qa:",
        "  mode: import",
        "  keep_unverified: true",
        "  max_reference_span: 4000",
        "  imports:",
        "    - path: ../questions/q.csv",
        "      corpus: chunking_eval",
        "  llm:",
        "    base_url: http://127.0.0.1:8000/v1",
        "    model: qwen3",
        "    api_key_env: MY_KEY",
        "    cache_dir: cache/llm",
        ""));
    PipelineConfig c = ConfigLoader.load(yaml);
    QaConfig qa = c.qa();
    assertEquals("import", qa.mode());
    assertTrue(qa.keepUnverified());
    assertEquals(4000, qa.maxReferenceSpan());
    assertEquals(tmp.resolve("questions/q.csv").toString(), qa.imports().get(0).path());
    assertEquals("auto", qa.imports().get(0).format());
    assertEquals(conf.resolve("cache/llm").toString(), qa.llm().cacheDir());
    assertEquals(4000, qa.llm().windowChars());
    assertEquals(5, qa.llm().maxRetries());
    assertEquals(5, qa.extractive().questionsPerDocument());
  }

  @Test
  void unknownKeysAndBadModesAreErrorsWithTheirFix() throws Exception {
    Path yaml = tmp.resolve("bad.yaml");
    Files.writeString(yaml, "qa:\n  mode: extractive\n  windw_chars: 10\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml));
    assertTrue(e.getMessage().contains("bad.yaml:") && e.getMessage().contains("windw_chars"), e.getMessage());
    Path yaml2 = tmp.resolve("bad2.yaml");
    Files.writeString(yaml2, "qa:\n  mode: import\n");
    ConfigException e2 = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml2));
    assertTrue(e2.getMessage().contains("qa.mode import needs qa.imports"), e2.getMessage());
  }
}
