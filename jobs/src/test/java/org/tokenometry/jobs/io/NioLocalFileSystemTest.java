package org.tokenometry.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process permissions give what Hadoop's chmod process gives, and Hadoop's file: paths use them. */
class NioLocalFileSystemTest {
  @TempDir
  Path dir;

  @Test
  void foldersAndFilesGetHadoopsPermissions() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "027");
    FileSystem nio = new NioLocalFileSystem();
    nio.initialize(java.net.URI.create("file:///"), conf);
    FileSystem hadoop = new LocalFileSystem();
    hadoop.initialize(java.net.URI.create("file:///"), conf);
    for (FileSystem fs : new FileSystem[] {nio, hadoop}) {
      String name = fs.getClass().getSimpleName();
      org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dir.resolve(name + "/a/b").toUri());
      assertTrue(fs.mkdirs(d)); // 777 less the umask 027
      try (var out = fs.create(new org.apache.hadoop.fs.Path(d, "part-0"))) { // 666 less the umask
        out.write(1);
      }
      fs.setPermission(new org.apache.hadoop.fs.Path(d, "part-0"), new FsPermission((short) 0604));
    }
    for (String rel : new String[] {"a", "a/b", "a/b/part-0", "a/b/.part-0.crc"}) {
      assertEquals(perms(dir.resolve("LocalFileSystem/" + rel)), perms(dir.resolve("NioLocalFileSystem/" + rel)),
          rel);
    }
    assertEquals("rwxr-x---", perms(dir.resolve("NioLocalFileSystem/a/b")));
    assertEquals("rw----r--", perms(dir.resolve("NioLocalFileSystem/a/b/part-0")));
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
