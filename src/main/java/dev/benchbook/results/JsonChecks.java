package dev.benchbook.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Typed field checks over a Jackson tree that collect one {@link Problem} per bad field. */
final class JsonChecks {

  /** A key that needs no quoting in a path: compiled once (every field's path is built). */
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private final Path file;
  private final List<Problem> problems = new ArrayList<>();

  JsonChecks(Path file) {
    this.file = file;
  }

  List<Problem> problems() {
    return problems;
  }

  void problem(String path, String message) {
    problems.add(new Problem(file, path, message));
  }

  void expected(String path, String expected, JsonNode found) {
    problem(path, "expected " + expected + ", found " + describe(found));
  }

  /** A number no smaller than min; empty (with a problem when required) otherwise. */
  OptionalDouble number(JsonNode obj, String path, String name, boolean required, double min) {
    JsonNode n = obj.path(name);
    String at = child(path, name);
    if (n.isMissingNode()) {
      if (required) {
        expected(at, numberWord(min), n);
      }
      return OptionalDouble.empty();
    }
    if (!n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < min) {
      expected(at, numberWord(min), n);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(n.asDouble());
  }

  /** A finite number of any sign. */
  OptionalDouble anyNumber(JsonNode obj, String path, String name, boolean required) {
    return number(obj, path, name, required, Double.NEGATIVE_INFINITY);
  }

  /** An integer no smaller than min. */
  OptionalLong integer(JsonNode obj, String path, String name, boolean required, long min) {
    JsonNode n = obj.path(name);
    String at = child(path, name);
    String word = min == Long.MIN_VALUE ? "an integer"
        : min == 0 ? "a non-negative integer" : "an integer >= " + min;
    if (n.isMissingNode()) {
      if (required) {
        expected(at, word, n);
      }
      return OptionalLong.empty();
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min) {
      expected(at, word, n);
      return OptionalLong.empty();
    }
    return OptionalLong.of(n.asLong());
  }

  /** A non-blank string. */
  Optional<String> text(JsonNode obj, String path, String name, boolean required) {
    JsonNode n = obj.path(name);
    if (n.isMissingNode() && !required) {
      return Optional.empty();
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      expected(child(path, name), "a non-empty string", n);
      return Optional.empty();
    }
    return Optional.of(n.asText());
  }

  /** A boolean. */
  Optional<Boolean> bool(JsonNode obj, String path, String name, boolean required) {
    JsonNode n = obj.path(name);
    if (n.isMissingNode() && !required) {
      return Optional.empty();
    }
    if (!n.isBoolean()) {
      expected(child(path, name), "true or false", n);
      return Optional.empty();
    }
    return Optional.of(n.asBoolean());
  }

  /** A JSON object. */
  Optional<JsonNode> object(JsonNode obj, String path, String name, boolean required) {
    JsonNode n = obj.path(name);
    if (n.isMissingNode() && !required) {
      return Optional.empty();
    }
    if (!n.isObject()) {
      expected(child(path, name), "an object", n);
      return Optional.empty();
    }
    return Optional.of(n);
  }

  /** A JSON array. */
  Optional<JsonNode> array(JsonNode obj, String path, String name, boolean required) {
    JsonNode n = obj.path(name);
    if (n.isMissingNode() && !required) {
      return Optional.empty();
    }
    if (!n.isArray()) {
      expected(child(path, name), "an array", n);
      return Optional.empty();
    }
    return Optional.of(n);
  }

  /** The path of a field: {@code $.a.b}, or {@code $.a['odd key']} for keys that need it. */
  static String child(String path, String name) {
    return PLAIN_KEY.matcher(name).matches() ? path + "." + name
        : path + "['" + name.replace("'", "\\'") + "']";
  }

  /** The path of an array element. */
  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** How a found value is shown: JSON text for scalars, a word for containers. */
  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isContainerNode() && n.isEmpty()) {
      return n.isObject() ? "{}" : "[]";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isNumber() && !Double.isFinite(n.asDouble())) {
      return Double.toString(n.asDouble());
    }
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static String numberWord(double min) {
    if (min == Double.NEGATIVE_INFINITY) {
      return "a finite number";
    }
    return min == 0 ? "a non-negative number" : "a number >= " + min;
  }
}
