package dev.benchbook.catalog;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.report.MarkdownTable;
import dev.benchbook.results.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How {@code benchbook query} prints a result. Numbers never depend on the locale: a decimal
 * point, no grouping. CSV and JSON carry every value exactly (a real prints as the shortest
 * decimal that reads back as the same double); the table and Markdown forms round reals to 6
 * significant digits (never rounding their integer part) so columns stay readable.
 */
public enum QueryFormat {
  /** Aligned text columns, numbers right-aligned, then a row count. */
  TABLE,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** A JSON array with one object per row. */
  JSON,
  /** A Markdown table. */
  MARKDOWN;

  private static final int SIGNIFICANT = 6;

  /** The result in this format, ending with a newline. */
  public String render(QueryResult r) {
    switch (this) {
      case CSV:
        return csv(r);
      case JSON:
        return json(r);
      case MARKDOWN:
        return markdown(r);
      default:
        return table(r);
    }
  }

  private static String table(QueryResult r) {
    List<List<String>> cells = cells(r, true);
    int n = r.columns().size();
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      width[c] = r.columns().get(c).length();
      for (List<String> row : cells) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, r.columns(), width, new boolean[n]);
    for (int c = 0; c < n; c++) {
      sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append('\n');
    boolean[] right = numericColumns(r);
    for (List<String> row : cells) {
      line(sb, row, width, right);
    }
    sb.append('(').append(r.size()).append(r.size() == 1 ? " row)" : " rows)").append('\n');
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      String pad = " ".repeat(width[c] - v.length());
      line.append(c == 0 ? "" : "  ").append(right[c] ? pad + v : v + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  private static boolean[] numericColumns(QueryResult r) {
    boolean[] numeric = new boolean[r.columns().size()];
    for (int c = 0; c < numeric.length; c++) {
      boolean any = false;
      boolean all = true;
      for (Object[] row : r.rows()) {
        any |= row[c] != null;
        all &= row[c] == null || row[c] instanceof Number;
      }
      numeric[c] = any && all;
    }
    return numeric;
  }

  private static String markdown(QueryResult r) {
    List<List<String>> cells = new ArrayList<>();
    for (List<String> row : cells(r, true)) {
      List<String> escaped = new ArrayList<>();
      for (String v : row) {
        escaped.add(v.replace("|", "\\|").replace("\n", " "));
      }
      cells.add(escaped);
    }
    return MarkdownTable.render(r.columns(), cells);
  }

  private static String csv(QueryResult r) {
    StringBuilder sb = new StringBuilder();
    csvLine(sb, r.columns());
    for (List<String> row : cells(r, false)) {
      csvLine(sb, row);
    }
    return sb.toString();
  }

  private static void csvLine(StringBuilder sb, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
      sb.append(c == 0 ? "" : ",").append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    sb.append("\r\n");
  }

  private static String json(QueryResult r) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Object[] row : r.rows()) {
      ObjectNode o = array.addObject();
      for (int c = 0; c < row.length; c++) {
        put(o, r.columns().get(c), row[c]);
      }
    }
    try {
      return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(array) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result as JSON", e);
    }
  }

  private static void put(ObjectNode o, String name, Object v) {
    if (v == null) {
      o.putNull(name);
    } else if (v instanceof Integer i) {
      o.put(name, i);
    } else if (v instanceof Long l) {
      o.put(name, l);
    } else if (v instanceof Double d) {
      o.put(name, d);
    } else if (v instanceof byte[] b) {
      o.put(name, HexFormat.of().formatHex(b));
    } else {
      o.put(name, v.toString());
    }
  }

  private static List<List<String>> cells(QueryResult r, boolean rounded) {
    List<List<String>> out = new ArrayList<>();
    for (Object[] row : r.rows()) {
      List<String> cells = new ArrayList<>(row.length);
      for (Object v : row) {
        cells.add(cell(v, rounded));
      }
      out.add(cells);
    }
    return out;
  }

  /** One value as text; reals exact, or rounded to 6 significant digits. */
  static String cell(Object v, boolean rounded) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return rounded ? rounded(d) : exact(d);
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return v.toString();
  }

  /** The shortest decimal that reads back as {@code d}, without exponent unless huge or tiny. */
  static String exact(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (b.scale() > 30 || b.precision() - b.scale() > 30) {
      return Double.toString(d);
    }
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  /** 6 significant digits (the integer part kept whole), trailing zeros dropped. */
  static String rounded(double d) {
    if (!Double.isFinite(d) || d == 0) {
      return d == 0 ? "0" : Double.toString(d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d));
    int integerDigits = b.precision() - b.scale();
    int scale = Math.max(0, SIGNIFICANT - integerDigits);
    BigDecimal r = b.setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (r.scale() > 30) {
      return exact(d);
    }
    return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
  }
}
