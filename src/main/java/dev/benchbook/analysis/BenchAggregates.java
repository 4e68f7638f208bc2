package dev.benchbook.analysis;

import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.NumericColumn;

/**
 * Tablesaw aggregates computing percentiles with benchbook's one method ({@link Percentiles},
 * numpy's linear interpolation), unlike Tablesaw's built-in {@code percentile95} etc., which use
 * another estimator. Missing values are skipped; a group with no value gives NaN (missing).
 *
 * <p>Example: {@code table.summarize("db_total_ms", BenchAggregates.P95).by("config")}.
 */
public final class BenchAggregates {

  /** Median, column name {@code P50 [col]}. */
  public static final NumericAggregateFunction P50 = percentile("P50", 0.50);
  /** 90th percentile. */
  public static final NumericAggregateFunction P90 = percentile("P90", 0.90);
  /** 95th percentile. */
  public static final NumericAggregateFunction P95 = percentile("P95", 0.95);
  /** 99th percentile. */
  public static final NumericAggregateFunction P99 = percentile("P99", 0.99);
  /** 99.9th percentile. */
  public static final NumericAggregateFunction P999 = percentile("P99.9", 0.999);

  private BenchAggregates() {
  }

  /** An aggregate for percentile {@code p} in [0, 1], named {@code name} in result columns. */
  public static NumericAggregateFunction percentile(String name, double p) {
    Percentiles.position(1, p);
    return new NumericAggregateFunction(name) {
      @Override
      public Double summarize(NumericColumn<?> column) {
        return percentileOf(column, p);
      }
    };
  }

  private static double percentileOf(NumericColumn<?> column, double p) {
    double[] values = new double[column.size()];
    int n = 0;
    for (int i = 0; i < column.size(); i++) {
      if (!column.isMissing(i)) {
        values[n++] = column.getDouble(i);
      }
    }
    return n == 0 ? Double.NaN : Percentiles.ofInPlace(values, 0, n, p)[0];
  }
}
