package dev.benchbook.charts;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.results.SweepSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A contention sweep: throughput, and P95/P99 lock_wait, against the varied parameter, one line
 * per strategy, each strategy's knee (from {@link SweepSpec#knees()}) circled.
 *
 * <p>The parameter's values are evenly spaced categories in the sweep's order, so a doubling
 * series such as 1, 2, 4, ... 32 reads like a log axis.
 */
public final class SweepChart {

  /** File base name of the throughput chart. */
  public static final String THROUGHPUT_NAME = "sweep-throughput";
  /** File base name of the lock_wait chart. */
  public static final String LOCK_WAIT_NAME = "sweep-lock-wait";

  private static final Map<String, String> UNITS = Map.of(
      "concurrency", "workers",
      "hold-ms", "ms",
      "synchronous", "PRAGMA synchronous");

  private SweepChart() {
  }

  /** Throughput (transitions/s) against the varied parameter, per strategy, knees circled. */
  public static PlottedChart<CategoryChart> throughput(SweepSpec spec, List<SweepPoint> points) {
    CategoryChart chart = base(spec, points, "Sweep: throughput against " + spec.parameter(),
        "Throughput (committed transitions/s)");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    List<String> strategies = strategies(points);
    double max = 0;
    Annotations.Markers knees = new Annotations.Markers();
    for (int s = 0; s < strategies.size(); s++) {
      List<Double> ys = column(spec, points, strategies.get(s), SweepPoint::transitionsPerS);
      addLine(chart, strategies.get(s), spec.values(), ys, color(strategies, s), false);
      max = Math.max(max, ys.stream().filter(v -> v != null).mapToDouble(v -> v).max().orElse(0));
      markKnee(knees, spec, strategies.get(s), ys, color(strategies, s));
    }
    chart.addAnnotation(knees);
    chart.getStyler().setYAxisMax(max > 0 ? max * 1.15 : 1.0);
    return new PlottedChart<>(THROUGHPUT_NAME, chart, throughputData(spec, points));
  }

  /** P95 (solid) and P99 (dashed) lock_wait against the varied parameter, on a log axis. */
  public static PlottedChart<CategoryChart> lockWait(SweepSpec spec, List<SweepPoint> points) {
    return lockWait(spec, points, true);
  }

  /** P95 (solid) and P99 (dashed) lock_wait, on a log axis when {@code logScale}. */
  public static PlottedChart<CategoryChart> lockWait(SweepSpec spec, List<SweepPoint> points,
      boolean logScale) {
    boolean floored = logScale && points.stream()
        .anyMatch(p -> p.p95LockWaitMs() < ChartStyle.LOG_FLOOR_MS);
    CategoryChart chart = base(spec, points, "Sweep: lock_wait against " + spec.parameter()
        + " (P95 solid, P99 dashed)", "lock_wait (ms" + (logScale ? ", log scale" : "")
        + (floored ? ChartStyle.FLOOR_NOTE : "") + ")");
    List<String> strategies = strategies(points);
    ChartStyle.applyCommon(chart.getStyler(), 2 * strategies.size());
    double min = Double.MAX_VALUE;
    double max = 0;
    Annotations.Markers knees = new Annotations.Markers();
    for (int s = 0; s < strategies.size(); s++) {
      String strategy = strategies.get(s);
      List<Double> p95 = drawn(column(spec, points, strategy, SweepPoint::p95LockWaitMs),
          logScale);
      List<Double> p99 = drawn(column(spec, points, strategy, SweepPoint::p99LockWaitMs),
          logScale);
      addLine(chart, strategy + " P95", spec.values(), p95, color(strategies, s), false);
      addLine(chart, strategy + " P99", spec.values(), p99, color(strategies, s), true);
      for (List<Double> ys : List.of(p95, p99)) {
        for (Double v : ys) {
          if (v != null) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
      markKnee(knees, spec, strategy, p95, color(strategies, s));
    }
    chart.addAnnotation(knees);
    CategoryStyler styler = chart.getStyler();
    if (logScale) {
      styler.setYAxisLogarithmic(true);
      styler.setYAxisMin(ChartStyle.decadeBelow(min));
      styler.setYAxisMax(ChartStyle.decadeAbove(max * 1.5));
    } else {
      styler.setYAxisMin(0.0);
      styler.setYAxisMax(max > 0 ? max * 1.15 : 1.0);
    }
    return new PlottedChart<>(LOCK_WAIT_NAME, chart, lockWaitData(spec, points));
  }

  private static CategoryChart base(SweepSpec spec, List<SweepPoint> points, String title,
      String yTitle) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("sweep chart needs at least one point");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SweepPoint p : points) {
      checkValues(p);
      if (!seen.add(p.strategy() + "\u0000" + p.value())) {
        throw new IllegalArgumentException("sweep has two points for " + p.strategy() + " at "
            + spec.parameter() + "=" + p.value());
      }
      if (!spec.values().contains(p.value())) {
        throw new IllegalArgumentException("sweep point " + p.strategy() + " at "
            + spec.parameter() + "=" + p.value() + " is not among the sweep values "
            + spec.values());
      }
    }
    String unit = UNITS.get(spec.parameter());
    CategoryChart chart = new CategoryChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title(title)
        .xAxisTitle(spec.parameter() + (unit == null ? "" : " (" + unit + ")"))
        .yAxisTitle(yTitle)
        .build();
    CategoryStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, strategies(points).size());
    styler.setOverlapped(true);
    styler.setMarkerSize(9);
    ChartStyle.rotateCategoryLabels(styler, spec.values());
    return chart;
  }

  private static void checkValues(SweepPoint p) {
    if (p.strategy() == null || p.strategy().isBlank() || p.value() == null
        || p.value().isBlank()) {
      throw new IllegalArgumentException("sweep point needs a strategy and a value, got "
          + p.strategy() + " / " + p.value());
    }
    checkValue(p, "transitions_per_s", p.transitionsPerS());
    checkValue(p, "p95_lock_wait_ms", p.p95LockWaitMs());
    checkValue(p, "p99_lock_wait_ms", p.p99LockWaitMs());
  }

  private static void checkValue(SweepPoint p, String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("sweep point " + p.strategy() + " at " + p.value() + ": "
          + field + " must be finite and >= 0, got " + v);
    }
  }

  private static void addLine(CategoryChart chart, String name, List<String> values,
      List<Double> ys, Color color, boolean dashed) {
    CategorySeries series = chart.addSeries(name, values, ys);
    series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setFillColor(color);
    series.setMarker(dashed ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    series.setLineStyle(dashed
        ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f)
        : new BasicStroke(2.5f));
  }

  private static void markKnee(Annotations.Markers knees, SweepSpec spec, String strategy,
      List<Double> ys, Color color) {
    Optional<String> knee = Optional.ofNullable(spec.knees().get(strategy));
    if (knee.isEmpty()) {
      return;
    }
    int index = spec.values().indexOf(knee.get());
    if (index < 0) {
      throw new IllegalArgumentException("knee of " + strategy + " at " + spec.parameter() + "="
          + knee.get() + " is not among the sweep values " + spec.values());
    }
    if (ys.get(index) != null) {
      knees.add(Annotations.categoryCenterX(index), ys.get(index),
          strategy + ": knee " + knee.get(), color);
    }
  }

  private static List<String> strategies(List<SweepPoint> points) {
    List<String> strategies = new ArrayList<>();
    for (SweepPoint p : points) {
      if (!strategies.contains(p.strategy())) {
        strategies.add(p.strategy());
      }
    }
    return strategies;
  }

  private static Color color(List<String> strategies, int index) {
    return ChartStyle.strategyColor(strategies.get(index), index);
  }

  private static List<Double> column(SweepSpec spec, List<SweepPoint> points, String strategy,
      ToDoubleFunction<SweepPoint> field) {
    List<Double> ys = new ArrayList<>();
    for (String value : spec.values()) {
      ys.add(points.stream()
          .filter(p -> p.strategy().equals(strategy) && p.value().equals(value))
          .findFirst().map(p -> field.applyAsDouble(p)).orElse(null));
    }
    return ys;
  }

  private static List<Double> drawn(List<Double> ys, boolean logScale) {
    List<Double> out = new ArrayList<>(ys.size());
    for (Double v : ys) {
      out.add(v == null || !logScale ? v : ChartStyle.floorForLog(v));
    }
    return out;
  }

  private static boolean isKnee(SweepSpec spec, SweepPoint p) {
    return p.value().equals(spec.knees().get(p.strategy()));
  }

  private static ChartData throughputData(SweepSpec spec, List<SweepPoint> points) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("strategy"),
        ChartColumn.text(spec.parameter()),
        ChartColumn.number("transitions_per_s", 1),
        ChartColumn.text("knee"));
    for (SweepPoint p : ordered(spec, points)) {
      data.row(p.strategy(), p.value(), p.transitionsPerS(), isKnee(spec, p));
    }
    return data.build();
  }

  private static ChartData lockWaitData(SweepSpec spec, List<SweepPoint> points) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("strategy"),
        ChartColumn.text(spec.parameter()),
        ChartColumn.number("p95_lock_wait_ms", 3),
        ChartColumn.number("p99_lock_wait_ms", 3),
        ChartColumn.text("knee"));
    for (SweepPoint p : ordered(spec, points)) {
      data.row(p.strategy(), p.value(), p.p95LockWaitMs(), p.p99LockWaitMs(), isKnee(spec, p));
    }
    return data.build();
  }

  /** Points by strategy (first appearance) then by the sweep's value order. */
  private static List<SweepPoint> ordered(SweepSpec spec, List<SweepPoint> points) {
    List<SweepPoint> out = new ArrayList<>();
    for (String strategy : strategies(points)) {
      for (String value : spec.values()) {
        points.stream().filter(p -> p.strategy().equals(strategy) && p.value().equals(value))
            .findFirst().ifPresent(out::add);
      }
    }
    return out;
  }
}
