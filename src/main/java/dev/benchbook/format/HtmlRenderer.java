package dev.benchbook.format;

/**
 * HTML for notebooks: a table with its caption, rounded numbers right-aligned, long tables cut
 * to head and tail with a gap row, and a size line; headings, paragraphs and chart images.
 */
final class HtmlRenderer implements Renderer {

  /**
   * The opening of the title line above a table (a {@code <caption>} is squeezed to the
   * table's width, so a long title became a narrow column); text cells are left-aligned
   * explicitly because Jupyter's own style right-aligns every cell.
   */
  static final String TITLE = "<p style=\"text-align:left;font-weight:bold;margin:0.4em 0\">";

  @Override
  public String table(Table table, Layout layout) {
    Shown shown = new Shown(table);
    int n = table.columns().size();
    StringBuilder h = new StringBuilder();
    if (!table.title().isBlank()) {
      h.append(TITLE).append(escape(table.title())).append("</p>\n");
    }
    h.append("<table>\n");
    h.append("<thead><tr>");
    for (int c = 0; c < n; c++) {
      h.append(tag("th", shown.numeric(c))).append(escape(table.columns().get(c).name()))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r : shown.rows(layout)) {
      h.append("<tr>");
      if (r < 0) {
        h.append("<td colspan=\"").append(n).append("\">&hellip;</td>");
      } else {
        for (int c = 0; c < n; c++) {
          h.append(tag("td", shown.numeric(c))).append(escape(shown.human(r, c)))
              .append("</td>");
        }
      }
      h.append("</tr>\n");
    }
    return h.append("</tbody>\n</table>\n<p>").append(escape(shown.size(layout)))
        .append("</p>\n").toString();
  }

  private static String tag(String tag, boolean numeric) {
    return "<" + tag + " style=\"text-align:" + (numeric ? "right" : "left") + "\">";
  }

  /** Text with HTML's special characters escaped. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public String document(Document document, Layout layout) {
    StringBuilder out = new StringBuilder();
    for (Document.Block b : document.blocks()) {
      if (b instanceof Document.Heading h) {
        out.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h")
            .append(h.level()).append(">\n");
      } else if (b instanceof Document.Paragraph p) {
        out.append("<p>").append(inline(p.text()).replace("\n", "<br>\n")).append("</p>\n");
      } else if (b instanceof Document.TableBlock t) {
        out.append(table(t.table(), layout));
      } else if (b instanceof Document.ChartRef c) {
        out.append("<img src=\"").append(escape(c.path())).append("\" alt=\"")
            .append(escape(c.title())).append("\">\n");
      }
    }
    return out.toString();
  }

  /** Escaped text with Markdown's {@code **bold**} as {@code <strong>}. */
  static String inline(String text) {
    String s = escape(text);
    StringBuilder out = new StringBuilder();
    boolean open = false;
    int i = 0;
    int j;
    while ((j = s.indexOf("**", i)) >= 0) {
      out.append(s, i, j).append(open ? "</strong>" : "<strong>");
      open = !open;
      i = j + 2;
    }
    out.append(s.substring(i));
    return open ? s : out.toString();
  }
}
