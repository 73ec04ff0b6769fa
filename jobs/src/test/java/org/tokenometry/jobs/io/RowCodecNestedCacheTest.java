package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code RowCodec.of} on a record with a nested record (questions: {@code QuestionRow} holds {@code Reference}s)
 * built the nested codec inside the cache's {@code computeIfAbsent}, which throws "Recursive update" when the
 * two classes' identity hashes share a bin of the cache: in about one JVM in sixteen, the qa stage failed. Each
 * class loader below has its own RowCodec (its own cache) and its own record classes (new identity hashes), so
 * 200 of them try 200 hash draws; without the fix at least one fails all but certainly.
 */
class RowCodecNestedCacheTest {
  /** Loads org.tokenometry classes itself (a fresh RowCodec cache and record classes), the rest from the parent. */
  private static final class Isolated extends URLClassLoader {
    Isolated(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!name.startsWith("org.tokenometry.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        return c != null ? c : findClass(name);
      }
    }
  }

  @Test
  void aRecordWithNestedRecordsGetsItsCodecWhateverTheHashes() throws Exception {
    URL[] classes = {
        RowCodec.class.getProtectionDomain().getCodeSource().getLocation(),
        org.tokenometry.udfs.tables.QuestionRow.class.getProtectionDomain().getCodeSource().getLocation()};
    for (int i = 0; i < 200; i++) {
      try (Isolated loader = new Isolated(classes, RowCodecNestedCacheTest.class.getClassLoader())) {
        Class<?> codec = loader.loadClass(RowCodec.class.getName());
        Class<?> row = loader.loadClass(org.tokenometry.udfs.tables.QuestionRow.class.getName());
        Object c = codec.getMethod("of", Class.class).invoke(null, row);
        Object schema = codec.getMethod("schema").invoke(c);
        assertEquals(RowCodec.of(org.tokenometry.udfs.tables.QuestionRow.class).schema(), schema);
      }
    }
  }
}
