package org.tokenometry.jobs.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenometry.jobs.config.ConfigException;
import org.tokenometry.jobs.config.PipelineConfig;
import org.tokenometry.jobs.config.TokenizeConfig;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.HfTokenizer;

/** tokenize.engine: the registry's engine per tokenizer, or the reference engine for all. */
class TokenizerSetTest {
  private static PipelineConfig config(String engine) {
    return new PipelineConfig("out", List.of("tokenize"), null, List.of("gpt4o", "chars"),
        ReferenceData.projectRoot().resolve("conf/tokenizers.yaml").toString(), null,
        new TokenizeConfig(null, null, null, null, null, null, engine), null, null, null, null);
  }

  @Test
  void engineHfRunsEveryTokenizerFileOnTheReferenceEngine() {
    TokenizerSet registry = TokenizerSet.resolve(config(null));
    TokenizerSet hf = TokenizerSet.resolve(config("hf"));
    // conf/tokenizers.yaml puts gpt4o on the Java engine
    assertEquals("java", registry.resolved().get(0).type());
    assertEquals("hf", hf.resolved().get(0).type());
    assertInstanceOf(HfTokenizer.class, hf.tokenizer("gpt4o"));
    assertNotSame(registry.tokenizer("gpt4o"), hf.tokenizer("gpt4o"));
    assertEquals("baseline", hf.resolved().get(1).type());
    String text = "Tokenizers differ: 東京 — ok?";
    assertEquals(registry.tokenizer("gpt4o").encode(text).size(), hf.tokenizer("gpt4o").encode(text).size());
  }

  @Test
  void anUnknownEngineIsAConfigError() {
    ConfigException e = assertThrows(ConfigException.class, () -> config("djl"));
    assertTrue(e.getMessage().contains("tokenize.engine"), e.getMessage());
  }
}
