package dev.benchbook.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.results.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Papermill's convention for Java: {@code -p name=value} values become a cell injected after the
 * cell tagged {@code parameters}, typed like the variables that cell declares: int, long,
 * double, boolean, String, a {@code List} of those, or an array of them. A list value is
 * {@code [a,b]} or a JSON array ({@code ["a","b"]}, {@code [1,2]}).
 */
final class Parameters {

  /** The tag of the cell that declares the parameters. */
  static final String TAG = "parameters";
  /** The tag of the injected cell. */
  static final String INJECTED_TAG = "injected-parameters";

  private static final String TYPES = "int, long, double, boolean and String parameters, "
      + "and lists or arrays of them";

  private Parameters() {
  }

  /**
   * The injected cell's code; fails naming the parameter when it is not declared in the
   * parameters cell, has a type the runner cannot fill, or its value does not parse as that type.
   */
  static String cell(Map<String, String> values, Map<String, String> declared) {
    List<String> lines = new ArrayList<>();
    lines.add("// Parameters injected by benchbook notebook run -p");
    for (Map.Entry<String, String> p : values.entrySet()) {
      String type = type(p.getKey(), declared);
      lines.add(type + " " + p.getKey() + " = " + literal(p.getKey(), type, p.getValue()) + ";");
    }
    return String.join("\n", lines);
  }

  /** The values as typed values (numbers, booleans, strings, lists), for the provenance record. */
  static Map<String, Object> typed(Map<String, String> values, Map<String, String> declared) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : values.entrySet()) {
      out.put(p.getKey(), value(p.getKey(), type(p.getKey(), declared), p.getValue()));
    }
    return out;
  }

  private static String type(String name, Map<String, String> declared) {
    String type = declared.get(name);
    if (type == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not declared in "
          + "the cell tagged 'parameters'; it declares: " + String.join(", ",
              declared.keySet()));
    }
    return type;
  }

  /** The Java literal of {@code value} as a {@code type}. */
  static String literal(String name, String type, String value) {
    return javaLiteral(value(name, type, value), type);
  }

  /** The value parsed as {@code type}: Integer, Long, Double, Boolean, String or a List. */
  static Object value(String name, String type, String value) {
    String t = type.replace("java.util.", "").replace("java.lang.", "").replace(" ", "");
    Element list = listElement(t);
    if (list != null) {
      List<Object> out = new ArrayList<>();
      for (String item : items(name, type, value)) {
        out.add(scalar(name, list.scalar(), item));
      }
      return out;
    }
    return scalar(name, t, value);
  }

  /** A list or array type's element type, or null for a scalar type. */
  private record Element(String scalar, boolean array) {
  }

  private static Element listElement(String t) {
    if (t.startsWith("List<") && t.endsWith(">")) {
      return new Element(t.substring(5, t.length() - 1), false);
    }
    if (t.endsWith("[]")) {
      return new Element(t.substring(0, t.length() - 2), true);
    }
    return null;
  }

  private static Object scalar(String name, String type, String value) {
    try {
      switch (type) {
        case "int", "Integer":
          return Integer.parseInt(value.trim());
        case "long", "Long":
          return Long.parseLong(value.trim());
        case "double", "Double":
          double d = Double.parseDouble(value.trim());
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          return d;
        case "boolean", "Boolean":
          String b = value.trim().toLowerCase(Locale.ROOT);
          if (!b.equals("true") && !b.equals("false")) {
            throw new NumberFormatException();
          }
          return Boolean.parseBoolean(b);
        case "String":
          return value;
        default:
          throw new IllegalArgumentException("parameter '" + name + "' is a " + type
              + "; -p can set " + TYPES);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter '" + name + "': expected a " + type
          + ", got '" + value + "'");
    }
  }

  /** The items of a list value: a JSON array, or {@code [a,b]} / {@code a,b} split on commas. */
  private static List<String> items(String name, String type, String value) {
    String v = value.strip();
    List<String> out = new ArrayList<>();
    if (v.startsWith("[")) {
      try {
        JsonNode json = Json.MAPPER.readTree(v);
        if (json.isArray()) {
          for (JsonNode item : json) {
            if (item.isContainerNode() || item.isNull()) {
              throw new IllegalArgumentException("parameter '" + name + "': a " + type
                  + " holds plain values, got " + item);
            }
            out.add(item.asText());
          }
          return out;
        }
      } catch (JsonProcessingException e) {
        // not JSON: a bare list such as [c1-zero,c10-zero]
      }
      if (!v.endsWith("]")) {
        throw new IllegalArgumentException("parameter '" + name + "': expected a list such as "
            + "[a,b] or a JSON array, got '" + value + "'");
      }
      v = v.substring(1, v.length() - 1);
    }
    if (v.isBlank()) {
      return out;
    }
    for (String item : v.split(",", -1)) {
      out.add(item.strip());
    }
    return out;
  }

  private static String javaLiteral(Object value, String type) {
    if (value instanceof List<?> list) {
      String t = type.replace("java.util.", "").replace("java.lang.", "").replace(" ", "");
      Element e = listElement(t);
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(javaLiteral(item, e.scalar()));
      }
      return e.array() ? "new " + e.scalar() + "[] {" + String.join(", ", items) + "}"
          : "List.of(" + String.join(", ", items) + ")";
    }
    if (value instanceof Long l) {
      return l + "L";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    return value.toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
