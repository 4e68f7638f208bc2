package dev.benchbook.charts;

import dev.benchbook.analysis.Percentiles;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Open-loop latency by percentile, HdrHistogram style: per config, the response time a user
 * sees (from the intended start: queue_wait + the transition, solid) beside the service time
 * (from the moment a worker took it: the transition alone, dashed, what a closed-loop
 * benchmark reports). The gap between the two is the queue; where it opens is where the
 * system stopped keeping up. Axes as {@link PercentileSpectrumChart}: x is
 * {@code log10(1 / (1 - p))} from 0% to 99.9%, latency in ms on a log axis.
 */
public final class OpenLoopLatencyChart {

  /** File base name. */
  public static final String NAME = "open-loop-latency";

  private OpenLoopLatencyChart() {
  }

  /** The chart of {@code configIds}, which must be open-loop configs of {@code rows}. */
  public static PlottedChart<XYChart> of(RawRows rows, List<String> configIds) {
    if (configIds.isEmpty() || !rows.has(Column.RESPONSE_NS)) {
      throw new IllegalArgumentException("an open-loop latency chart needs open-loop configs "
          + "(rows with response_ns)");
    }
    int points = PercentileSpectrumChart.POINTS;
    double[] x = new double[points];
    double[] ps = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = i * PercentileSpectrumChart.STEP;
      ps[i] = PercentileSpectrumChart.percentileAt(i);
    }
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<double[]> curves = new ArrayList<>();
    for (String id : configIds) {
      for (Column c : List.of(Column.RESPONSE_NS, Column.TOTAL_NS)) {
        double[] v = committedMs(rows, c, id);
        curves.add(Percentiles.ofInPlace(v, 0, v.length, ps));
        ids.add(id);
        names.add(id + (c == Column.RESPONSE_NS ? " response" : " service"));
      }
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    List<double[]> drawn = new ArrayList<>();
    for (double[] curve : curves) {
      double[] d = new double[points];
      for (int i = 0; i < points; i++) {
        d[i] = ChartStyle.floorForLog(curve[i]);
        min = Math.min(min, d[i]);
        max = Math.max(max, d[i]);
      }
      drawn.add(d);
    }
    XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH_PX)
        .height(ChartStyle.HEIGHT_PX)
        .title("Open loop: response (solid, from intended start) vs service (dashed)")
        .xAxisTitle("Percentile (tail spread out: log scale of 1 / (1 - p))")
        .yAxisTitle("Latency (ms, log scale" + ChartStyle.FLOOR_NOTE + ")").build();
    XYStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, curves.size());
    styler.setxAxisTickLabelsFormattingFunction(PercentileSpectrumChart::decadeLabel);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(3.0);
    styler.setYAxisLogarithmic(true);
    styler.setYAxisMin(ChartStyle.decadeBelow(min));
    styler.setYAxisMax(ChartStyle.decadeAbove(max * 1.05));
    for (int s = 0; s < curves.size(); s++) {
      XYSeries series = chart.addSeries(names.get(s), x, drawn.get(s));
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(ChartStyle.paletteColor(s / 2));
      boolean response = s % 2 == 0;
      series.setLineWidth(response ? 2.5f : 1.5f);
      series.setLineStyle(response ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
    }
    chart.addAnnotation(new Annotations.XTick(Math.log10(2), "50%"));
    chart.addAnnotation(new Annotations.XTick(Math.log10(20), "95%"));
    return new PlottedChart<>(NAME, chart, data(ids, names, curves));
  }

  /** The ms values of one column over the committed rows of one config. */
  static double[] committedMs(RawRows rows, Column column, String configId) {
    int code = rows.configIds().indexOf(configId);
    if (code < 0) {
      throw new IllegalArgumentException("raw rows have no config " + configId);
    }
    long[] ns = rows.longs(column);
    int[] config = rows.config();
    byte[] outcome = rows.outcome();
    double[] values = new double[rows.size()];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == code && outcome[i] == Outcome.COMMITTED.code()) {
        values[n++] = ns[i] / 1e6;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("config " + configId + " has no committed rows");
    }
    return Arrays.copyOf(values, n);
  }

  private static ChartData data(List<String> ids, List<String> names, List<double[]> curves) {
    ChartData.Builder data = ChartData.builder(ChartColumn.text("series"),
        ChartColumn.text("config"), ChartColumn.number("percentile_pct", 4),
        ChartColumn.number("latency_ms", 4));
    for (int s = 0; s < curves.size(); s++) {
      for (int i = 0; i < PercentileSpectrumChart.POINTS; i++) {
        data.row(names.get(s), ids.get(s), 100 * PercentileSpectrumChart.percentileAt(i),
            curves.get(s)[i]);
      }
    }
    return data.build();
  }
}
