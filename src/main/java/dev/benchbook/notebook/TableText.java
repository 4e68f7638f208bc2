package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** A Tablesaw table as aligned text with rounded numbers, its size and what is left out. */
final class TableText {

  private TableText() {
  }

  /** The text of {@code table}. */
  static String of(Table table) {
    TableCells cells = new TableCells(table);
    int cols = table.columnCount();
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[cols];
    for (int c = 0; c < cols; c++) {
      header[c] = table.column(c).name();
    }
    lines.add(header);
    for (int r : cells.rows()) {
      String[] line = new String[cols];
      for (int c = 0; c < cols; c++) {
        line[c] = r < 0 ? (c == 0 ? "..." : "") : cells.cell(r, c);
      }
      lines.add(line);
    }
    int[] width = new int[cols];
    for (String[] line : lines) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], line[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    if (table.name() != null && !table.name().isBlank()) {
      out.append(table.name()).append('\n');
    }
    for (String[] line : lines) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String pad = " ".repeat(width[c] - line[c].length());
        row.append(c == 0 ? "" : "  ").append(cells.numeric(c) ? pad + line[c] : line[c] + pad);
      }
      out.append(row.toString().stripTrailing()).append('\n');
    }
    return out.append(cells.footer()).toString();
  }
}
