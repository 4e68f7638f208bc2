package dev.benchbook.report;

import dev.benchbook.format.Column;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.format.Table;
import java.util.List;

/**
 * A header and rows of ready text as a column-aligned Markdown table, through the output
 * model's Markdown renderer (the one place that draws Markdown tables).
 */
public final class MarkdownTable {

  private MarkdownTable() {
  }

  /** Renders the table; columns are padded to their widest cell. */
  public static String render(List<String> header, List<List<String>> rows) {
    return Format.MARKDOWN.render(table(header, rows), Layout.of(Layout.DEFAULT_WIDTH, ""));
  }

  /** The same cells as an output-model table of text columns. */
  public static Table table(List<String> header, List<List<String>> rows) {
    Table.Builder t = Table.builder("", header.stream().map(Column::text).toList());
    rows.forEach(t::row);
    return t.build();
  }
}
