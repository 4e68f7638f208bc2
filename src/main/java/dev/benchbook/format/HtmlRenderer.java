package dev.benchbook.format;

/**
 * HTML for notebooks: a table with its caption, rounded numbers right-aligned, long tables cut
 * to head and tail with a gap row, and a size line; headings, paragraphs and chart images.
 */
final class HtmlRenderer implements Renderer {

  @Override
  public String table(Table table, Layout layout) {
    Shown shown = new Shown(table);
    int n = table.columns().size();
    StringBuilder h = new StringBuilder("<table>\n");
    if (!table.title().isBlank()) {
      h.append("<caption>").append(escape(table.title())).append("</caption>\n");
    }
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
    return numeric ? "<" + tag + " style=\"text-align:right\">" : "<" + tag + ">";
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
