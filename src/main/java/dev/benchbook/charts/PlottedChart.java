package dev.benchbook.charts;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A built chart: the XChart object to display or export, and exactly the data it plots.
 *
 * @param <C> the XChart chart type, e.g. {@code CategoryChart} or {@code XYChart}
 * @param name file base name for export, e.g. {@code p95-before-after}
 * @param chart the chart, ready to display or render
 * @param data the plotted values, for CSV export
 */
public record PlottedChart<C extends Chart<?, ?>>(String name, C chart, ChartData data) {

  /** Validates the name as a safe file base name. */
  public PlottedChart {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("chart name must match [A-Za-z0-9][A-Za-z0-9._-]* so it"
          + " can name files, got '" + name + "'");
    }
    if (chart == null || data == null) {
      throw new IllegalArgumentException("chart " + name + " needs a chart and its data");
    }
  }

  /** The same chart and data under another file base name. */
  public PlottedChart<C> named(String newName) {
    return new PlottedChart<>(newName, chart, data);
  }
}
