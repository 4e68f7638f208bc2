package dev.benchbook.format;

import java.util.List;

/**
 * Markdown: a table with columns padded to their widest cell (at least 3), {@code |} escaped;
 * headings as {@code #}, paragraphs as they are, charts as images. Never cut.
 */
final class MarkdownRenderer implements Renderer {

  @Override
  public String table(Table table, Layout layout) {
    Shown shown = new Shown(table);
    int n = table.columns().size();
    String[][] cells = new String[table.rowCount() + 1][n];
    for (int c = 0; c < n; c++) {
      cells[0][c] = escape(table.columns().get(c).name());
      for (int r = 0; r < table.rowCount(); r++) {
        cells[r + 1][c] = escape(shown.human(r, c));
      }
    }
    return grid(cells);
  }

  /** A header row and body rows as a padded Markdown table (cells already escaped). */
  static String grid(String[][] cells) {
    int n = cells[0].length;
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      width[c] = 3;
      for (String[] row : cells) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, cells[0], width);
    sb.append('|');
    for (int w : width) {
      sb.append('-').append("-".repeat(w)).append("-|");
    }
    sb.append('\n');
    for (int r = 1; r < cells.length; r++) {
      line(sb, cells[r], width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
    }
    sb.append('\n');
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }

  @Override
  public String document(Document document, Layout layout) {
    return Renderer.joinBlocks(document, b -> block(b, layout));
  }

  private String block(Document.Block b, Layout layout) {
    if (b instanceof Document.Heading h) {
      return "#".repeat(h.level()) + ' ' + h.text() + '\n';
    } else if (b instanceof Document.Paragraph p) {
      return p.text() + '\n';
    } else if (b instanceof Document.TableBlock t) {
      String title = t.table().title().isBlank() ? "" : "**" + t.table().title() + "**\n\n";
      return title + table(t.table(), layout);
    } else if (b instanceof Document.ChartRef c) {
      return "![" + c.title() + "](" + c.path() + ")\n";
    }
    return "";
  }

  /** Renders a header and rows of ready text as a padded Markdown table. */
  static String of(List<String> header, List<List<String>> rows) {
    String[][] cells = new String[rows.size() + 1][];
    cells[0] = header.toArray(new String[0]);
    for (int r = 0; r < rows.size(); r++) {
      cells[r + 1] = rows.get(r).toArray(new String[0]);
    }
    return grid(cells);
  }
}
