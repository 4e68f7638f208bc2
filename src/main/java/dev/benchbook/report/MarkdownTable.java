package dev.benchbook.report;

import java.util.List;

/** Renders a header and rows as a column-aligned Markdown table. */
public final class MarkdownTable {

  private MarkdownTable() {
  }

  /** Renders the table; columns are padded to their widest cell. */
  public static String render(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = Math.max(3, header.get(i).length());
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    sb.append('|');
    for (int w : width) {
      sb.append('-').append("-".repeat(w)).append("-|");
    }
    sb.append('\n');
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
    }
    sb.append('\n');
  }
}
