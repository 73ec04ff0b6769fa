package org.tokenometry.udfs.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokenometry.udfs.tokenizers.GlibcCheck.Version;

class GlibcCheckTest {
  @Test
  void procMapsNamesTheVersionOnlyBefore234() {
    // CentOS 7 / Amazon Linux 2 style: the mapped file carries the version
    List<String> old = List.of(
        "7f1c2a000000-7f1c2a1c4000 r-xp 00000000 fd:01 1835 /usr/lib64/libc-2.17.so",
        "7f1c2a1c4000-7f1c2a3c3000 ---p 001c4000 fd:01 1835 /usr/lib64/libc-2.17.so");
    assertEquals(Optional.of(new Version(2, 17)), GlibcCheck.fromProcMaps(old));
    assertEquals(Optional.of(new Version(2, 31)),
        GlibcCheck.fromProcMaps(List.of("7f00-7f01 r-xp 0 08:01 42 /lib/x86_64-linux-gnu/libc-2.31.so")));
    // glibc >= 2.34: only libc.so.6, so /proc says nothing and the commands decide
    List<String> modern = List.of("7f1c-7f1d r-xp 0 fd:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6",
        "7f1e-7f1f r-xp 0 fd:01 98 /usr/lib/x86_64-linux-gnu/libcrypt.so.1");
    assertEquals(Optional.empty(), GlibcCheck.fromProcMaps(modern));
  }

  @Test
  void parsesGetconfAndLdd() {
    assertEquals(Optional.of(new Version(2, 36)), GlibcCheck.fromGetconf("glibc 2.36\n"));
    assertEquals(Optional.empty(), GlibcCheck.fromGetconf("musl"));
    assertEquals(Optional.of(new Version(2, 36)),
        GlibcCheck.fromLdd("ldd (Debian GLIBC 2.36-9+deb12u4) 2.36\nCopyright (C) 2022 Free Software Foundation"));
    assertEquals(Optional.of(new Version(2, 35)), GlibcCheck.fromLdd("ldd (Ubuntu GLIBC 2.35-0ubuntu3.8) 2.35"));
    assertEquals(Optional.of(new Version(2, 17)), GlibcCheck.fromLdd("ldd (GNU libc) 2.17"));
    assertEquals(Optional.empty(), GlibcCheck.fromLdd("musl libc (x86_64)\nVersion 1.2.4"));
  }

  @Test
  void versionsCompareNumericallyNotAsText() {
    assertTrue(new Version(2, 9).compareTo(new Version(2, 34)) < 0);
    assertTrue(new Version(2, 100).compareTo(new Version(2, 34)) > 0);
    assertTrue(new Version(3, 0).compareTo(new Version(2, 99)) > 0);
  }

  @Test
  void tooOldGlibcIsAClearErrorNamingHostAndFix() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GlibcCheck.check(new Version(2, 31), "worker-7"));
    assertTrue(e.getMessage().contains("glibc 2.31 on worker-7 is older than 2.34"), e.getMessage());
    assertTrue(e.getMessage().contains("RUST_LIBRARY_PATH"), e.getMessage());
    GlibcCheck.check(new Version(2, 34), "worker-7");
    GlibcCheck.check(new Version(2, 36), "worker-7");
  }

  @Test
  void thisMachineIsDetectedAndSupported() {
    // the test machines are Linux with glibc >= 2.34 (the tokenizer tests would not run otherwise)
    Optional<Version> v = GlibcCheck.detect();
    assertTrue(v.isPresent(), "glibc version not detected");
    assertTrue(v.get().compareTo(GlibcCheck.REQUIRED) >= 0, v.get().toString());
    GlibcCheck.requireSupported();
  }
}
