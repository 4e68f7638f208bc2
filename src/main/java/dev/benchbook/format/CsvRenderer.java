package dev.benchbook.format;

import java.util.List;

/**
 * RFC 4180 CSV: a header row of column names, then every row with exact values, lines ending
 * in CRLF; cells holding a comma, quote or line break are quoted. Never cut. A document's
 * tables follow one another, separated by an empty line.
 */
final class CsvRenderer implements Renderer {

  @Override
  public String table(Table table, Layout layout) {
    StringBuilder sb = new StringBuilder();
    line(sb, table.names());
    for (List<Object> row : table.rows()) {
      line(sb, row.stream().map(Shown::machine).toList());
    }
    return sb.toString();
  }

  /** One CSV line ending in CRLF. */
  static void line(StringBuilder sb, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
      sb.append(c == 0 ? "" : ",").append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    sb.append("\r\n");
  }

  @Override
  public String document(Document document, Layout layout) {
    StringBuilder out = new StringBuilder();
    for (Table t : document.tables()) {
      if (out.length() > 0) {
        out.append("\r\n");
      }
      out.append(table(t, layout));
    }
    return out.toString();
  }
}
