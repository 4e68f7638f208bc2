package dev.benchbook.charts;

import dev.benchbook.analysis.Percentiles;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency against percentile for one segment, HdrHistogram style, from raw rows.
 *
 * <p>The x axis is {@code log10(1 / (1 - p))}, so 0%, 90%, 99% and 99.9% are evenly spaced and
 * the tail gets as much room as the body; ticks are labelled 0%, 50%, 90%, 95%, 99%, 99.9%.
 * Points are taken every 0.05 on that axis (61 per series) with percentiles by linear
 * interpolation between closest ranks, over the committed rows of each config, all repetitions
 * pooled. Latency is in ms on a log axis, or on a linear axis from 0 when all values lie within
 * one decade (a log axis would then show no labels between its two decade ticks).
 */
public final class PercentileSpectrumChart {

  /** Points per series: x from 0 to 3 in steps of {@link #STEP}. */
  public static final int POINTS = 61;
  /** Step on the x axis, in decades of 1 / (1 - p). */
  public static final double STEP = 0.05;

  private PercentileSpectrumChart() {
  }

  /** File base name for a segment, e.g. {@code percentiles-db_total}. */
  public static String name(Segment segment) {
    return "percentiles-" + ChartStyle.segmentLabel(segment.key());
  }

  /** Baseline vs mitigation spectrum of {@code segment}. */
  public static PlottedChart<XYChart> of(RawRows rows, Segment segment, String baselineId,
      String mitigationId) {
    return build(rows, segment, List.of(baselineId, mitigationId),
        List.of("baseline: " + baselineId, "mitigation: " + mitigationId));
  }

  /** Spectrum of {@code segment} for several configs, one series per config id. */
  public static PlottedChart<XYChart> of(RawRows rows, Segment segment, List<String> configIds) {
    return build(rows, segment, configIds, configIds);
  }

  /** The fraction p (0..1) plotted at point {@code i}. */
  public static double percentileAt(int i) {
    return 1 - Math.pow(10, -i * STEP);
  }

  private static PlottedChart<XYChart> build(RawRows rows, Segment segment, List<String> ids,
      List<String> seriesNames) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("percentile spectrum needs at least one config");
    }
    String label = ChartStyle.segmentLabel(segment.key());
    double[] x = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      x[i] = i * STEP;
    }
    List<double[]> curves = new ArrayList<>();
    List<double[]> drawn = new ArrayList<>();
    boolean floored = false;
    double[] ps = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      ps[i] = percentileAt(i);
    }
    for (String id : ids) {
      double[] values = committedMs(rows, segment, id);
      double[] y = Percentiles.ofInPlace(values, 0, values.length, ps);
      double[] yDrawn = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        floored |= y[i] < ChartStyle.LOG_FLOOR_MS;
        yDrawn[i] = ChartStyle.floorForLog(y[i]);
      }
      curves.add(y);
      drawn.add(yDrawn);
    }
    double min = drawn.stream().flatMapToDouble(Arrays::stream).min().orElseThrow();
    double max = drawn.stream().flatMapToDouble(Arrays::stream).max().orElseThrow();
    boolean log = max >= 10 * min;
    XYChart chart = new XYChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title(label + " latency by percentile (committed transitions, reps pooled)")
        .xAxisTitle("Percentile (tail spread out: log scale of 1 / (1 - p))")
        .yAxisTitle(label + " latency (ms" + (log ? ", log scale" : "")
            + (log && floored ? ChartStyle.FLOOR_NOTE : "") + ")")
        .build();
    XYStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, ids.size());
    styler.setxAxisTickLabelsFormattingFunction(PercentileSpectrumChart::decadeLabel);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(3.0);
    if (log) {
      styler.setYAxisLogarithmic(true);
      styler.setYAxisMin(ChartStyle.decadeBelow(min));
      styler.setYAxisMax(ChartStyle.decadeAbove(max * 1.05));
    } else {
      styler.setYAxisMin(0.0);
      double rawMax = curves.stream().flatMapToDouble(Arrays::stream).max().orElseThrow();
      styler.setYAxisMax(rawMax > 0 ? rawMax * 1.1 : 1.0);
      drawn = curves;
    }
    for (int s = 0; s < ids.size(); s++) {
      XYSeries series = chart.addSeries(seriesNames.get(s), x, drawn.get(s));
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(ChartStyle.paletteColor(s));
      series.setLineWidth(2.5f);
    }
    chart.addAnnotation(new Annotations.XTick(Math.log10(2), "50%"));
    chart.addAnnotation(new Annotations.XTick(Math.log10(20), "95%"));
    return new PlottedChart<>(name(segment), chart, data(ids, seriesNames, curves));
  }

  /** Tick label at whole decades of 1 / (1 - p): 0%, 90%, 99%, 99.9%; blank elsewhere. */
  static String decadeLabel(double x) {
    double r = Math.rint(x);
    if (Math.abs(x - r) > 1e-6 || r < 0 || r > 3) {
      return " ";
    }
    return switch ((int) r) {
      case 0 -> "0%";
      case 1 -> "90%";
      case 2 -> "99%";
      default -> "99.9%";
    };
  }

  /** The ms values of a segment over the committed rows of one config, in row order. */
  static double[] committedMs(RawRows rows, Segment segment, String configId) {
    int code = rows.configIds().indexOf(configId);
    if (code < 0) {
      throw new IllegalArgumentException("raw rows have no config " + configId + "; they hold "
          + rows.configIds());
    }
    long[] ns = rows.ns(segment);
    int[] config = rows.config();
    byte[] outcome = rows.outcome();
    double[] values = new double[rows.size()];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == code && outcome[i] == Outcome.COMMITTED.ordinal()) {
        values[n++] = ns[i] / 1e6;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("config " + configId + " has no committed rows");
    }
    return Arrays.copyOf(values, n);
  }

  private static ChartData data(List<String> ids, List<String> names, List<double[]> curves) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("series"),
        ChartColumn.text("config"),
        ChartColumn.number("percentile_pct", 4),
        ChartColumn.number("latency_ms", 4));
    for (int s = 0; s < ids.size(); s++) {
      for (int i = 0; i < POINTS; i++) {
        data.row(names.get(s), ids.get(s), 100 * percentileAt(i), curves.get(s)[i]);
      }
    }
    return data.build();
  }
}
