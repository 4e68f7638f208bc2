package dev.benchbook.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every output format, as {@code --format} names it on every command; each has one renderer.
 * Text formats fit the {@link Layout}; machine formats (CSV, JSON) are never cut.
 */
public enum Format {
  /** Aligned text columns fitted to the terminal width (the default on a console). */
  TABLE(new TextRenderer()),
  /** One block per record, one line per column (psql's \x, DuckDB's .mode line). */
  VERTICAL(new VerticalRenderer()),
  /** Markdown tables and paragraphs. */
  MARKDOWN(new MarkdownRenderer()),
  /** RFC 4180 CSV with a header row, every value exact. */
  CSV(new CsvRenderer()),
  /** JSON: a table is an array with one object per row, every value exact. */
  JSON(new JsonRenderer()),
  /** HTML (notebooks): rounded numbers right-aligned, long tables cut with a note. */
  HTML(new HtmlRenderer());

  private final Renderer renderer;

  Format(Renderer renderer) {
    this.renderer = renderer;
  }

  /** This format's renderer. */
  public Renderer renderer() {
    return renderer;
  }

  /** True for CSV and JSON: exact values, never cut. */
  public boolean machine() {
    return this == CSV || this == JSON;
  }

  /** The name on the command line, e.g. {@code vertical}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The table in this format. */
  public String render(Table table, Layout layout) {
    return renderer.table(table, layout);
  }

  /** The document in this format. */
  public String render(Document document, Layout layout) {
    return renderer.document(document, layout);
  }

  /** The format named {@code name} (any case), or a one-line error listing the names. */
  public static Format parse(String name) {
    for (Format f : values()) {
      if (f.key().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("--format must be one of " + names() + "; got '" + name
        + "'");
  }

  /** The names, comma-separated, e.g. {@code table, vertical, markdown, csv, json, html}. */
  public static String names() {
    return Arrays.stream(values()).map(Format::key).collect(Collectors.joining(", "));
  }
}
