package dev.benchbook.charts;

/**
 * One column of a {@link ChartData} table.
 *
 * @param name CSV header, with the unit in the name (e.g. {@code p95_ms})
 * @param decimals fixed decimals for floating-point cells; ignored for text and integers
 */
public record ChartColumn(String name, int decimals) {

  /** Validates the name and decimals. */
  public ChartColumn {
    if (name == null || name.isBlank() || name.contains(",") || name.contains("\"")) {
      throw new IllegalArgumentException("chart column name must be non-blank without commas or "
          + "quotes, got '" + name + "'");
    }
    if (decimals < 0 || decimals > 9) {
      throw new IllegalArgumentException("chart column " + name + ": decimals must be in 0..9, got "
          + decimals);
    }
  }

  /** A text or integer column. */
  public static ChartColumn text(String name) {
    return new ChartColumn(name, 0);
  }

  /** A floating-point column printed with {@code decimals} fixed decimals. */
  public static ChartColumn number(String name, int decimals) {
    return new ChartColumn(name, decimals);
  }
}
