package dev.benchbook.cli;

import dev.benchbook.format.Document;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.format.Table;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} and {@code --wide}, the same on every command that prints tables: text
 * fitted to the terminal ($COLUMNS, else 120 columns) unless {@code --wide}; CSV and JSON are
 * never cut.
 */
final class OutputOptions {

  /** The environment the width is read from (tests replace it). */
  static Map<String, String> environment = System.getenv();

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "table (fitted to the terminal), vertical (one record per block), markdown, "
          + "csv, json or html (default: ${DEFAULT-VALUE}).")
  Format format = Format.TABLE;

  @Option(names = "--wide", description = "Show every column, cell and row (no fitting to the "
      + "terminal's width).")
  boolean wide;

  /** The layout for this command's output. */
  Layout layout() {
    return Layout.terminal(environment, wide);
  }

  /** A table in the chosen format and layout. */
  String render(Table table) {
    return format.render(table, layout());
  }

  /** A document in the chosen format and layout. */
  String render(Document document) {
    return format.render(document, layout());
  }

  /** Reads {@code --format} case-insensitively with a one-line error listing the formats. */
  static final class FormatConverter implements ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
      try {
        return Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected one of " + Format.names() + "; got '"
            + value + "'");
      }
    }
  }
}
