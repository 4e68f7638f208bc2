package dev.benchbook.format;

import java.util.Locale;

/**
 * One block per record, one {@code name | value} line per column, as psql's {@code \x}: reads
 * well however many columns a table has. Values longer than the room left are cut unless the
 * layout is wide; long tables show their first rows only, then how many were left out.
 */
final class VerticalRenderer implements Renderer {

  @Override
  public String table(Table table, Layout layout) {
    Shown shown = new Shown(table);
    int nameWidth = 0;
    for (String name : table.names()) {
      nameWidth = Math.max(nameWidth, name.length());
    }
    int room = Math.max(Layout.MIN_WIDTH / 2, layout.width() - nameWidth - 3);
    int rows = shown.cut(layout) ? Layout.HEAD_ROWS : table.rowCount();
    StringBuilder out = new StringBuilder();
    if (!table.title().isBlank()) {
      out.append(table.title()).append('\n');
    }
    for (int r = 0; r < rows; r++) {
      String label = "-[ " + (r + 1) + " ]";
      out.append(label).append("-".repeat(Math.max(0, Math.min(layout.width(), nameWidth + 3
          + 20) - label.length()))).append('\n');
      for (int c = 0; c < table.columns().size(); c++) {
        String name = table.columns().get(c).name();
        String value = shown.human(r, c);
        out.append(name).append(" ".repeat(nameWidth - name.length())).append(" | ")
            .append(layout.wide() ? value : Shown.cut(value, room)).append('\n');
      }
    }
    if (rows < table.rowCount()) {
      out.append(String.format(Locale.ROOT, "... %,d more rows%s%n", table.rowCount() - rows,
          layout.howToSeeAll().isEmpty() ? "" : " (" + layout.howToSeeAll() + ")"));
    }
    int n = table.rowCount();
    return out.append(String.format(Locale.ROOT, "(%,d row%s)%n", n, n == 1 ? "" : "s"))
        .toString().replace("\r\n", "\n");
  }

  @Override
  public String document(Document document, Layout layout) {
    TextRenderer text = new TextRenderer();
    return Renderer.joinBlocks(document, b -> b instanceof Document.TableBlock t
        ? table(t.table(), layout) : text.block(b, layout));
  }
}
