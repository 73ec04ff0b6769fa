package org.tokenometry.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a key or list element is written in a YAML file, by JSON pointer ({@code /corpora/0/mode}). Jackson
 * reports a record's problems at the end of its mapping (it buffers the keys to call the constructor), and
 * checks made after loading have no location at all: re-reading the file up to the pointer gives the line and
 * column a person looks for. Only used on the way to an error message, so the re-read costs nothing otherwise.
 */
final class YamlLocations {
  private YamlLocations() {}

  /**
   * {@code file:line:column: } of the deepest part of {@code pointer} present in the file (a key left out
   * falls back to its section), or {@code file: } when none is.
   */
  static String where(Path file, String pointer) {
    JsonLocation loc = find(file, pointer);
    return loc == null ? file + ": " : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
  }

  static JsonLocation find(Path file, String pointer) {
    for (JsonPointer p = JsonPointer.compile(pointer == null ? "" : pointer); p != null && !p.matches();
        p = p.head()) {
      JsonLocation loc = exact(file, p);
      if (loc != null) {
        return loc;
      }
    }
    return null;
  }

  /** The field name of a mapping key, or the first token of a list element, at exactly {@code target}. */
  private static JsonLocation exact(Path file, JsonPointer target) {
    try (JsonParser p = ConfigLoader.yamlMapper().getFactory().createParser(file.toFile())) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if ((t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart())
            && target.equals(p.getParsingContext().pathAsPointer())) {
          return p.currentTokenLocation();
        }
      }
    } catch (IOException | RuntimeException e) {
      // a file that does not parse this far: no location
    }
    return null;
  }

  /** A JSON pointer from path segments, escaping '~' and '/' in keys. */
  static String pointer(Iterable<String> segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }
}
