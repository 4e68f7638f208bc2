package dev.benchbook.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Console text: aligned columns (numbers right-aligned) fitted to the layout's width. Columns
 * are kept from the left while they fit (the first text column that does not is cut to the
 * room left, when that is at least {@link #MIN_CUT}); the rest are elided behind a
 * {@code ...} column and named in a footer. No column is wider than half the width (longer cells end with
 * {@code ...}); long tables show their head and tail. {@link Layout#wide()} shows everything.
 */
final class TextRenderer implements Renderer {

  /** Separator between columns. */
  static final String GAP = "  ";
  /** The marker column that stands for elided columns. */
  static final String MORE = "...";
  /** The narrowest a text column is cut to rather than elided. */
  static final int MIN_CUT = 12;

  @Override
  public String table(Table table, Layout layout) {
    return table(table, layout, true);
  }

  /** The table; {@code sizeLine} false leaves the size out unless rows or columns were cut. */
  String table(Table table, Layout layout, boolean sizeLine) {
    Shown shown = new Shown(table);
    List<Integer> rows = shown.rows(layout);
    int n = table.columns().size();
    String[][] cells = new String[rows.size() + 1][n];
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      cells[0][c] = table.columns().get(c).name();
      for (int i = 0; i < rows.size(); i++) {
        cells[i + 1][c] = rows.get(i) < 0 ? "" : shown.human(rows.get(i), c);
      }
      for (String[] line : cells) {
        width[c] = Math.max(width[c], line[c].length());
      }
    }
    boolean[] text = new boolean[n];
    for (int c = 0; c < n; c++) {
      text[c] = !shown.numeric(c);
    }
    int kept = layout.wide() || n == 0 ? n : fit(width, text, layout.width());
    StringBuilder out = new StringBuilder();
    if (!table.title().isBlank()) {
      out.append(wrap(table.title(), layout)).append('\n');
    }
    for (int i = 0; i < cells.length; i++) {
      int row = i == 0 ? 0 : rows.get(i - 1);
      out.append(row < 0 ? clip(shown.gap(layout), layout)
          : line(cells[i], width, kept, shown, i == 0)).append('\n');
    }
    if (sizeLine || kept < n || shown.cut(layout)) {
      out.append(clip(shown.size(layout), layout)).append('\n');
    }
    if (kept < n) {
      out.append(elided(table, kept, layout));
    }
    return out.toString();
  }

  /**
   * How many columns from the left fit; cuts {@code width} entries to at most half the room.
   * When the first column that does not fit is text and at least {@link #MIN_CUT} characters
   * are left, it is kept with its cells cut to that room (numbers are never cut).
   */
  static int fit(int[] width, boolean[] text, int room) {
    int n = width.length;
    int cap = n == 1 ? room : Math.max(MORE.length(), room / 2);
    for (int c = 0; c < n; c++) {
      width[c] = Math.min(width[c], c == 0 ? room : cap);
    }
    int used = width[0];
    int kept = 1;
    while (kept < n) {
      int marker = kept + 1 < n ? GAP.length() + MORE.length() : 0;
      if (used + GAP.length() + width[kept] + marker > room) {
        break;
      }
      used += GAP.length() + width[kept];
      kept++;
    }
    if (kept < n && text[kept]) {
      int marker = kept + 1 < n ? GAP.length() + MORE.length() : 0;
      int left = room - used - GAP.length() - marker;
      if (left >= MIN_CUT) {
        width[kept] = left;
        used += GAP.length() + left;
        kept++;
      }
    }
    if (kept < n && used + GAP.length() + MORE.length() > room) {
      width[0] = Math.max(MORE.length(), width[0] - (used + GAP.length() + MORE.length() - room));
    }
    return kept;
  }

  private static String line(String[] cells, int[] width, int kept, Shown shown, boolean header) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < kept; c++) {
      String v = Shown.cut(cells[c], width[c]);
      String pad = " ".repeat(width[c] - v.length());
      line.append(c == 0 ? "" : GAP).append(shown.numeric(c) ? pad + v : v + pad);
    }
    if (kept < cells.length) {
      line.append(GAP).append(header ? MORE : "");
    }
    return line.toString().stripTrailing();
  }

  private static String elided(Table table, int kept, Layout layout) {
    List<String> names = new ArrayList<>(table.names().subList(kept, table.columns().size()));
    String head = String.format(Locale.ROOT, "%s %d more column%s: %s", MORE, names.size(),
        names.size() == 1 ? "" : "s", String.join(", ", names));
    String how = layout.howToSeeAll().isEmpty() ? "" : clip(layout.howToSeeAll(), layout) + "\n";
    return wrap(head, layout) + "\n" + how;
  }

  private static String clip(String s, Layout layout) {
    return layout.wide() ? s : Shown.cut(s, layout.width());
  }

  @Override
  public String document(Document document, Layout layout) {
    return Renderer.joinBlocks(document, b -> block(b, layout));
  }

  /** One block as plain text (a table drawn without its title line). */
  String block(Document.Block b, Layout layout) {
    if (b instanceof Document.Heading h) {
      String text = plain(h.text());
      return text + '\n'
          + (h.level() == 1 ? "=" : "-").repeat(Math.min(text.length(), layout.width())) + '\n';
    } else if (b instanceof Document.Paragraph p) {
      return plain(p.text()) + '\n';
    } else if (b instanceof Document.TableBlock t) {
      return table(t.table(), layout, false);
    } else if (b instanceof Document.ChartRef c) {
      return "Chart: " + c.title() + " (" + c.path() + ")\n";
    }
    return "";
  }

  /** Markdown's bold and code marks dropped. */
  static String plain(String text) {
    return text.replace("**", "").replace("`", "");
  }

  /** Words wrapped at the layout's width (a word longer than the width stays whole). */
  static String wrap(String text, Layout layout) {
    if (layout.wide()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      int col = 0;
      for (String word : para.split(" ")) {
        if (col > 0 && col + 1 + word.length() > layout.width()) {
          out.append('\n');
          col = 0;
        } else if (col > 0) {
          out.append(' ');
          col++;
        }
        out.append(word);
        col += word.length();
      }
    }
    return out.toString();
  }
}
