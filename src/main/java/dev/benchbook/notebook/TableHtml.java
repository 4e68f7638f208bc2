package dev.benchbook.notebook;

import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as an HTML table: its name as a title line above it (a {@code <caption>} is
 * squeezed to the table's width, so a long one became a narrow column), rounded numbers
 * right-aligned and text left-aligned (Jupyter's own style right-aligns every cell), row count,
 * long tables cut.
 */
final class TableHtml {

  /** The opening of the title line above a table. */
  static final String TITLE = "<p style=\"text-align:left;font-weight:bold;margin:0.4em 0\">";

  private TableHtml() {
  }

  /** The HTML of {@code table}. */
  static String of(Table table) {
    TableCells cells = new TableCells(table);
    StringBuilder h = new StringBuilder();
    if (table.name() != null && !table.name().isBlank()) {
      h.append(TITLE).append(escape(table.name())).append("</p>\n");
    }
    h.append("<table>\n");
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
    return "<" + tag + " style=\"text-align:" + (numeric ? "right" : "left") + "\">";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
