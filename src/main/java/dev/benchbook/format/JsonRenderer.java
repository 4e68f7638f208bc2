package dev.benchbook.format;

import java.util.List;

/**
 * JSON, indented: a table is an array with one object per row (column name to exact value:
 * numbers as numbers, missing as null, non-finite reals as strings); a document is an array of
 * blocks ({@code {"heading": ...}}, {@code {"paragraph": ...}}, {@code {"table": {"title": ...,
 * "rows": [...]}}}, {@code {"chart": {"title": ..., "path": ...}}}). Never cut.
 */
final class JsonRenderer implements Renderer {

  @Override
  public String table(Table table, Layout layout) {
    return rows(table, "") + "\n";
  }

  private static String rows(Table table, String indent) {
    if (table.rowCount() == 0) {
      return "[ ]";
    }
    StringBuilder sb = new StringBuilder("[ ");
    for (int r = 0; r < table.rowCount(); r++) {
      sb.append(r == 0 ? "{\n" : ", {\n");
      List<Object> row = table.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        sb.append(indent).append("  ").append(string(table.columns().get(c).name()))
            .append(" : ").append(value(Shown.raw(row.get(c))))
            .append(c + 1 < row.size() ? ",\n" : "\n");
      }
      sb.append(indent).append('}');
    }
    return sb.append(" ]").toString();
  }

  /** One value as JSON. */
  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? Double.toString(d) : string(Double.toString(d));
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return string(Shown.machine(v));
  }

  /** A JSON string literal. */
  static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public String document(Document document, Layout layout) {
    StringBuilder sb = new StringBuilder("[");
    String sep = "\n";
    for (Document.Block b : document.blocks()) {
      sb.append(sep).append("  { ");
      if (b instanceof Document.Heading h) {
        sb.append("\"heading\" : ").append(string(h.text())).append(", \"level\" : ")
            .append(h.level());
      } else if (b instanceof Document.Paragraph p) {
        sb.append("\"paragraph\" : ").append(string(p.text()));
      } else if (b instanceof Document.TableBlock t) {
        sb.append("\"table\" : { \"title\" : ").append(string(t.table().title()))
            .append(", \"rows\" : ").append(rows(t.table(), "    ")).append(" }");
      } else if (b instanceof Document.ChartRef c) {
        sb.append("\"chart\" : { \"title\" : ").append(string(c.title())).append(", \"path\" : ")
            .append(string(c.path())).append(" }");
      }
      sb.append(" }");
      sep = ",\n";
    }
    return sb.append(document.blocks().isEmpty() ? "]\n" : "\n]\n").toString();
  }
}
