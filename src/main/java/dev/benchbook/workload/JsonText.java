package dev.benchbook.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader with the JDK only (this package never imports Jackson): objects become
 * ordered maps, arrays lists, numbers Long or Double, and a syntax error names its line and
 * column. Duplicate keys are refused. For workload files, which are small.
 */
final class JsonText {

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /** Parses one JSON value; IllegalArgumentException with line and column on bad syntax. */
  static Object parse(String text) {
    JsonText p = new JsonText(text);
    p.space();
    Object v = p.value();
    p.space();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return v;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("unexpected end of file");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{': return object();
      case '[': return array();
      case '"': return string();
      case 't': return literal("true", Boolean.TRUE);
      case 'f': return literal("false", Boolean.FALSE);
      case 'n': return literal("null", null);
      default:
        if (c == '-' || Character.isDigit(c)) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    space();
    if (peek('}')) {
      pos++;
      return m;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a quoted key");
      }
      String key = string();
      if (m.containsKey(key)) {
        throw error("duplicate key \"" + key + "\"");
      }
      space();
      expect(':');
      space();
      m.put(key, value());
      space();
      if (peek(',')) {
        pos++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    pos++;
    space();
    if (peek(']')) {
      pos++;
      return l;
    }
    while (true) {
      space();
      l.add(value());
      space();
      if (peek(',')) {
        pos++;
        continue;
      }
      expect(']');
      return l;
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        sb.append(escape());
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char e = text.charAt(pos++);
    switch (e) {
      case '"': case '\\': case '/': return e;
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
        if (pos + 4 > text.length()) {
          throw error("short \\u escape");
        }
        try {
          char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
          pos += 4;
          return u;
        } catch (NumberFormatException ex) {
          throw error("bad \\u escape");
        }
      default: throw error("bad escape \\" + e);
    }
  }

  private Object number() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return Double.parseDouble(n);
      }
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw error("bad number '" + n + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected text");
    }
    pos += word.length();
    return v;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new IllegalArgumentException("line " + line + ", column " + col + ": " + what);
  }
}
