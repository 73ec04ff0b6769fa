package org.tokenometry.jobs.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jackson's and SnakeYAML's errors as one line a person can act on: {@code file:line:column: problem}, the
 * key's name, the allowed keys and a near miss, what was expected and what was found. No parser internals
 * (class names, token names, the position printed twice).
 */
final class ConfigErrors {
  private ConfigErrors() {}

  static ConfigException of(Path file, JsonProcessingException e) {
    MarkedYAMLException yaml = find(e, MarkedYAMLException.class);
    if (yaml != null) {
      return new ConfigException(syntax(file, yaml), e);
    }
    if (e instanceof JsonParseException) { // e.g. a duplicate key or a character YAML does not allow
      String at = e.getLocation() == null ? file + ": "
          : file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
      return new ConfigException(at + firstLine(e.getOriginalMessage()) + duplicateHint(e), e);
    }
    if (String.valueOf(e.getOriginalMessage()).startsWith("No content to map")) {
      return new ConfigException(file + ": the file is empty; expected a YAML mapping (see conf/sample.yaml)", e);
    }
    if (!(e instanceof JsonMappingException m)) {
      return new ConfigException(file + ": " + firstLine(e.getOriginalMessage()), e);
    }
    List<String> path = new ArrayList<>();
    for (JsonMappingException.Reference r : m.getPath()) {
      path.add(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    String key = path.isEmpty() ? "the file" : "'" + String.join(".", path) + "'";
    ConfigException cause = find(e, ConfigException.class);
    if (e instanceof ValueInstantiationException && cause != null) {
      List<String> full = new ArrayList<>(path);
      if (cause.key() != null) {
        full.addAll(List.of(cause.key().split("/")));
      }
      return new ConfigException(YamlLocations.where(file, YamlLocations.pointer(full)) + cause.getMessage(), e);
    }
    String at = YamlLocations.where(file, YamlLocations.pointer(path));
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<String> known = new TreeSet<>();
      u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      return new ConfigException(at + "unknown key '" + u.getPropertyName() + "'"
          + DidYouMean.hint(u.getPropertyName(), known) + "; allowed here: " + String.join(", ", known), e);
    }
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(at + key + " must be " + expected(f.getTargetType()) + ", not '" + f.getValue()
          + "'", e);
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return new ConfigException(at + key + " must be " + expected(mi.getTargetType()) + found(m), e);
    }
    return new ConfigException(at + firstLine(m.getOriginalMessage()), e);
  }

  /** {@code file:line:column: problem (while ... at line:column)}, SnakeYAML's marks being 0-based. */
  private static String syntax(Path file, MarkedYAMLException y) {
    Mark at = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
    StringBuilder b = new StringBuilder();
    b.append(file);
    if (at != null) {
      b.append(':').append(at.getLine() + 1).append(':').append(at.getColumn() + 1);
    }
    b.append(": ").append(firstLine(y.getProblem() != null ? y.getProblem() : y.getContext()));
    Mark ctx = y.getContextMark();
    if (y.getContext() != null && y.getProblem() != null && ctx != null) {
      b.append(" (").append(firstLine(y.getContext())).append(" started at ").append(ctx.getLine() + 1)
          .append(':').append(ctx.getColumn() + 1).append(')');
    }
    return b.toString();
  }

  private static String duplicateHint(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
        ? " (a key may appear once per mapping; the second would silently replace the first)" : "";
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list, e.g. [a, b]";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return type == String.class ? "a text value" : "a " + type.getSimpleName();
  }

  /** What the file has there, from the message Jackson wrote ("from Integer value", "from String value"). */
  private static String found(JsonMappingException m) {
    String msg = String.valueOf(m.getOriginalMessage());
    int v = msg.indexOf("String value ('");
    if (v >= 0) {
      int end = msg.indexOf("')", v);
      return ", not the text '" + msg.substring(v + 15, end < 0 ? msg.length() : end) + "'";
    }
    for (String[] kind : new String[][] {{"Integer value", "a number"}, {"Floating-point value", "a number"},
        {"Array value", "a list"}, {"Object value", "a mapping"}, {"Boolean value", "true/false"}}) {
      if (msg.contains("from " + kind[0])) {
        return ", not " + kind[1];
      }
    }
    return "";
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
