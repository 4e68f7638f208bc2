package dev.benchbook.charts;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.results.SegmentDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.benchbook.results.Sides;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * P95 per segment, baseline and mitigation side by side, from a {@link Comparison}.
 *
 * <p>Whiskers: when a row has {@code delta_ci_ms}, an interval [lo, hi] on mitigation P95 minus
 * baseline P95, the mitigation bar gets a whisker from baseline P95 + lo to baseline P95 + hi:
 * the mitigation P95 that the delta interval implies with the baseline held at its estimate. It
 * is drawn asymmetric, exactly at those bounds; an interval reaching below the axis minimum (0,
 * or the floor of a log axis) ends in an arrowhead there. Value labels sit at the top of their
 * bar (on a white box where a whisker passes), never at the whisker's end. Each category label
 * carries the P95 change in percent.
 */
public final class P95BeforeAfterChart {

  /** File base name of this chart. */
  public static final String NAME = "p95-before-after";
  static final double BAR_FILL = 0.8;

  private P95BeforeAfterChart() {
  }

  /** The chart on a linear P95 axis. */
  public static PlottedChart<CategoryChart> of(Comparison comparison) {
    return of(comparison, false);
  }

  /** The chart, on a logarithmic P95 axis when {@code logScale}. */
  public static PlottedChart<CategoryChart> of(Comparison comparison, boolean logScale) {
    return of(comparison, logScale, Sides.of(comparison));
  }

  /** The chart with both sides named by {@code sides} (title and legend). */
  public static PlottedChart<CategoryChart> of(Comparison comparison, boolean logScale,
      Sides sides) {
    List<SegmentDelta> rows = comparison.segments();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("comparison " + comparison.baselineConfig() + " vs "
          + comparison.mitigationConfig() + " has no segment rows to chart");
    }
    List<String> categories = new ArrayList<>();
    List<Double> baseline = new ArrayList<>();
    List<Double> mitigation = new ArrayList<>();
    boolean floored = false;
    for (SegmentDelta row : rows) {
      categories.add(ChartStyle.segmentLabel(row.segment()) + " ("
          + String.format(Locale.ROOT, "%+.1f%%", row.deltaPct()) + ")");
      baseline.add(logScale ? ChartStyle.floorForLog(row.baselineP95Ms()) : row.baselineP95Ms());
      mitigation.add(logScale ? ChartStyle.floorForLog(row.mitigationP95Ms())
          : row.mitigationP95Ms());
      floored |= logScale && Math.min(row.baselineP95Ms(), row.mitigationP95Ms())
          < ChartStyle.LOG_FLOOR_MS;
    }
    Optional<Interval> anyCi = rows.stream().flatMap(r -> r.deltaCiMs().stream()).findFirst();
    CategoryChart chart = new CategoryChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("P95 latency per segment: " + sides.title())
        .xAxisTitle(xAxisTitle(anyCi))
        .yAxisTitle("P95 latency (ms" + (logScale ? ", log scale" : "")
            + (floored ? ChartStyle.FLOOR_NOTE : "") + ")")
        .build();
    CategoryStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, 2);
    styler.setAvailableSpaceFill(BAR_FILL);
    styler.setOverlapped(false);
    styler.setSeriesColors(new java.awt.Color[] {ChartStyle.BASELINE, ChartStyle.MITIGATION});
    ChartStyle.rotateCategoryLabels(styler, categories);
    CategorySeries b = chart.addSeries(sides.baselineSeries(), categories, baseline);
    CategorySeries m = chart.addSeries(sides.mitigationSeries(), categories, mitigation);
    b.setFillColor(ChartStyle.BASELINE);
    m.setFillColor(ChartStyle.MITIGATION);
    double floor = logScale ? ChartStyle.decadeBelow(Math.min(min(baseline), min(mitigation)) / 1.5)
        : 0.0;
    double top = annotate(chart, rows, baseline, mitigation, floor);
    styler.setYAxisMin(floor);
    if (logScale) {
      styler.setYAxisLogarithmic(true);
      styler.setYAxisMax(ChartStyle.decadeAbove(top * 2));
    } else {
      styler.setYAxisMax(top > 0 ? top * 1.12 : 1.0);
    }
    return new PlottedChart<>(NAME + (logScale ? "-log" : ""), chart, data(comparison));
  }

  private static String xAxisTitle(Optional<Interval> ci) {
    if (ci.isEmpty()) {
      return "Segment (P95 change in brackets)";
    }
    return String.format(Locale.ROOT, "Segment (P95 change in brackets; whiskers: %.0f%% CI of"
        + " mitigation P95 from the delta interval, an arrow where it reaches below the axis)",
        ci.get().level() * 100);
  }

  /**
   * Adds value labels and whiskers, whiskers clipped at the axis minimum {@code floor}; returns
   * the highest plotted value including whiskers.
   */
  private static double annotate(CategoryChart chart, List<SegmentDelta> rows,
      List<Double> baseline, List<Double> mitigation, double floor) {
    double top = 0;
    for (int i = 0; i < rows.size(); i++) {
      SegmentDelta row = rows.get(i);
      double bx = Annotations.barCenterX(i, 0, 2, BAR_FILL);
      double mx = Annotations.barCenterX(i, 1, 2, BAR_FILL);
      double mitigationTop = mitigation.get(i);
      if (row.deltaCiMs().isPresent()) {
        Interval ci = row.deltaCiMs().get();
        double low = row.baselineP95Ms() + ci.low();
        double high = row.baselineP95Ms() + ci.high();
        if (high > floor) {
          chart.addAnnotation(new Annotations.Whisker(mx, Math.max(low, floor), high,
              low < floor));
          mitigationTop = Math.max(mitigationTop, high);
        }
      }
      chart.addAnnotation(new Annotations.Label(bx, baseline.get(i),
          ChartStyle.ms(row.baselineP95Ms()), ChartStyle.ANNOTATION_FONT, ChartStyle.TEXT));
      chart.addAnnotation(new Annotations.Label(mx, mitigation.get(i),
          ChartStyle.ms(row.mitigationP95Ms()), ChartStyle.ANNOTATION_FONT, ChartStyle.TEXT,
          true));
      top = Math.max(top, Math.max(baseline.get(i), mitigationTop));
    }
    return top;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  /** The plotted values: one row per segment. */
  static ChartData data(Comparison comparison) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("segment"),
        ChartColumn.text("baseline_config"),
        ChartColumn.text("mitigation_config"),
        ChartColumn.number("baseline_p95_ms", 3),
        ChartColumn.number("mitigation_p95_ms", 3),
        ChartColumn.number("delta_ms", 3),
        ChartColumn.number("delta_pct", 2),
        ChartColumn.number("mitigation_p95_ci_low_ms", 3),
        ChartColumn.number("mitigation_p95_ci_high_ms", 3));
    for (SegmentDelta row : comparison.segments()) {
      double low = row.deltaCiMs().map(ci -> row.baselineP95Ms() + ci.low()).orElse(Double.NaN);
      double high = row.deltaCiMs().map(ci -> row.baselineP95Ms() + ci.high()).orElse(Double.NaN);
      data.row(row.segment(), comparison.baselineConfig(), comparison.mitigationConfig(),
          row.baselineP95Ms(), row.mitigationP95Ms(), row.deltaMs(), row.deltaPct(), low, high);
    }
    return data.build();
  }
}
