package dev.benchbook.format;

/**
 * One column of a {@link Table}.
 *
 * @param name the header (a machine key such as {@code p95_ms} or a label such as
 *     {@code Baseline P95})
 * @param type what the column holds
 * @param unit the unit of its numbers ({@code ms}, {@code 1/s}, {@code %}), or empty
 * @param precision how reals are shown to people
 */
public record Column(String name, ColumnType type, String unit, Precision precision) {

  /** Checks the fields. */
  public Column {
    if (name == null || type == null || unit == null || precision == null) {
      throw new IllegalArgumentException("a column needs a name, a type, a unit (may be empty) "
          + "and a precision; got " + name + ", " + type + ", " + unit + ", " + precision);
    }
  }

  /** A text column. */
  public static Column text(String name) {
    return new Column(name, ColumnType.TEXT, "", Precision.exact());
  }

  /** A whole-number column. */
  public static Column integer(String name) {
    return new Column(name, ColumnType.INTEGER, "", Precision.exact());
  }

  /** A whole-number column with a unit. */
  public static Column integer(String name, String unit) {
    return new Column(name, ColumnType.INTEGER, unit, Precision.exact());
  }

  /** A real column with a unit and a precision. */
  public static Column real(String name, String unit, Precision precision) {
    return new Column(name, ColumnType.REAL, unit, precision);
  }

  /** A real column shown by the per-column {@link Precision#auto()} rule. */
  public static Column real(String name) {
    return real(name, "", Precision.auto());
  }
}
