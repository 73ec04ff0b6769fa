package org.tokenometry.udfs.tokenizers.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.Encoding;
import org.tokenometry.udfs.tokenizers.Tokenizer;

/** One engine instance shared by several threads (as Spark executors share it) gives sequential results. */
class JavaEnginesConcurrencyTest {
  @Test
  void sharedInstanceIsThreadSafe() throws Exception {
    List<String> lines = JavaBpeTokenizerParityTest.sample();
    for (String name : new String[] {"gpt4o", "mistral7b", "minilm"}) {
      Tokenizer t = JavaEngines.load(name, ReferenceData.tokenizer(name));
      List<Encoding> expected = new ArrayList<>();
      for (String l : lines) {
        expected.add(t.encode(l));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Encoding>>> runs = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
          int shift = k;
          runs.add(pool.submit(() -> {
            List<Encoding> out = new ArrayList<>(lines.size());
            for (int r = 0; r < 20; r++) { // rotate the order so threads hit the caches differently
              out.clear();
              for (int i = 0; i < lines.size(); i++) {
                out.add(null);
              }
              for (int i = 0; i < lines.size(); i++) {
                int j = (i + shift * 7 + r) % lines.size();
                out.set(j, t.encode(lines.get(j)));
              }
            }
            return out;
          }));
        }
        for (Future<List<Encoding>> f : runs) {
          List<Encoding> got = f.get();
          for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(expected.get(i).ids(), got.get(i).ids(), name + " line " + (i + 1));
            assertArrayEquals(expected.get(i).starts(), got.get(i).starts(), name + " line " + (i + 1));
            assertArrayEquals(expected.get(i).ends(), got.get(i).ends(), name + " line " + (i + 1));
          }
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
