package dev.benchbook.format;

/** What a column holds: decides alignment on screen and how values are written. */
public enum ColumnType {
  /** Text, left-aligned; written as a string in JSON. */
  TEXT,
  /** Whole numbers ({@code Integer}, {@code Long}), right-aligned. */
  INTEGER,
  /** Reals ({@code Double}), right-aligned, shown at the column's {@link Precision}. */
  REAL;

  /** True for the numeric types, which are right-aligned in text and HTML. */
  public boolean numeric() {
    return this != TEXT;
  }
}
