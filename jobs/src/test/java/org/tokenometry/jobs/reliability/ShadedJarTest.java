package org.tokenometry.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tokenometry.testing.ReferenceData;
import org.tokenometry.udfs.tokenizers.TokenizerFiles;

/**
 * Issue 17 item 22: the shaded jar carried Windows and macOS ONNX Runtime natives and a Windows debug-symbol
 * file. Executors run Linux x86-64 or aarch64: the jar carries those natives (ONNX Runtime, DJL's tokenizers,
 * JNA) and no others. MiniLM loading from the jar on executors is what
 * StandaloneClusterTest's sample run checks.
 */
class ShadedJarTest {
  @Test
  void onlyLinuxNativesAndTheRegistryAreShipped() throws Exception {
    Path target = ReferenceData.projectRoot().resolve("jobs/target");
    Path jar;
    try (Stream<Path> s = Files.list(target)) {
      jar = s.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElse(null);
    }
    assertTrue(jar != null, "no shaded jar in " + target + ": build it with mvn -B -DskipTests package");
    List<String> natives = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (JarEntry e : Collections.list(j.entries())) {
        String n = e.getName();
        names.add(n);
        if (n.matches(".*\\.(so|dll|dylib|jnilib|pdb|a)$") || n.contains(".dSYM/")) {
          natives.add(n);
        }
      }
    }
    Collections.sort(natives);
    assertEquals(List.of(
        "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
        "ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so",
        "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
        "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
        "com/sun/jna/linux-aarch64/libjnidispatch.so",
        "com/sun/jna/linux-x86-64/libjnidispatch.so",
        "native/lib/linux-aarch64/cpu/libtokenizers.so",
        "native/lib/linux-x86_64/cpu/libtokenizers.so"), natives);
    assertTrue(names.contains("all-minilm-l6-v2.onnx"), "the MiniLM model stays");
    assertTrue(names.contains(TokenizerFiles.BUNDLED_REGISTRY.substring(1)), "the bundled registry");
  }
}
