package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Papermill's convention for Java: {@code -p name=value} values become a cell injected after the
 * cell tagged {@code parameters}, typed like the variables that cell declares (int, long,
 * double, boolean, String).
 */
final class Parameters {

  /** The tag of the cell that declares the parameters. */
  static final String TAG = "parameters";
  /** The tag of the injected cell. */
  static final String INJECTED_TAG = "injected-parameters";

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
      String type = declared.get(p.getKey());
      if (type == null) {
        throw new IllegalArgumentException("parameter '" + p.getKey() + "' is not declared in "
            + "the cell tagged 'parameters'; it declares: " + String.join(", ",
                declared.keySet()));
      }
      lines.add(type + " " + p.getKey() + " = " + literal(p.getKey(), type, p.getValue()) + ";");
    }
    return String.join("\n", lines);
  }

  /** The Java literal of {@code value} as a {@code type}. */
  static String literal(String name, String type, String value) {
    try {
      switch (type) {
        case "int", "Integer":
          return Integer.toString(Integer.parseInt(value.trim()));
        case "long", "Long":
          return Long.parseLong(value.trim()) + "L";
        case "double", "Double":
          double d = Double.parseDouble(value.trim());
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          return Double.toString(d);
        case "boolean", "Boolean":
          String b = value.trim().toLowerCase(Locale.ROOT);
          if (!b.equals("true") && !b.equals("false")) {
            throw new NumberFormatException();
          }
          return b;
        case "String":
          return quote(value);
        default:
          throw new IllegalArgumentException("parameter '" + name + "' is a " + type
              + "; -p can set int, long, double, boolean and String parameters");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter '" + name + "': expected a " + type
          + ", got '" + value + "'");
    }
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
