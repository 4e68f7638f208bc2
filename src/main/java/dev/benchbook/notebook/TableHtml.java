package dev.benchbook.notebook;

import tech.tablesaw.api.Table;

/** A Tablesaw table as an HTML table: rounded numbers right-aligned, row count, long tables cut. */
final class TableHtml {

  private TableHtml() {
  }

  /** The HTML of {@code table}. */
  static String of(Table table) {
    TableCells cells = new TableCells(table);
    StringBuilder h = new StringBuilder("<table>\n");
    if (table.name() != null && !table.name().isBlank()) {
      h.append("<caption>").append(escape(table.name())).append("</caption>\n");
    }
    h.append("<thead><tr>");
    for (int c = 0; c < table.columnCount(); c++) {
      h.append(cellTag("th", cells.numeric(c))).append(escape(table.column(c).name()))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r : cells.rows()) {
      h.append("<tr>");
      if (r < 0) {
        h.append("<td colspan=\"").append(table.columnCount()).append("\">&hellip;</td>");
      } else {
        for (int c = 0; c < table.columnCount(); c++) {
          h.append(cellTag("td", cells.numeric(c))).append(escape(cells.cell(r, c)))
              .append("</td>");
        }
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n<p>").append(escape(cells.footer())).append("</p>\n");
    return h.toString();
  }

  private static String cellTag(String tag, boolean numeric) {
    return numeric ? "<" + tag + " style=\"text-align:right\">" : "<" + tag + ">";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
