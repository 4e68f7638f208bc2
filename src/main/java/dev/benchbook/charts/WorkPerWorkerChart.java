package dev.benchbook.charts;

import dev.benchbook.analysis.Fairness;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.rows.RawRows;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Transitions committed per worker in the first repetition, one bar per worker and one series
 * per config (coloured by strategy), workers ranked by work so a starved tail shows at the
 * right. Counts are those of {@link Fairness#perWorker}.
 */
public final class WorkPerWorkerChart {

  /** File base name of this chart. */
  public static final String NAME = "work-per-worker";
  /** The repetition drawn. */
  public static final int REP = 0;

  private WorkPerWorkerChart() {
  }

  /** Bars for {@code configs} (all with raw rows in {@code rows}) from their first repetition. */
  public static PlottedChart<CategoryChart> of(RawRows rows, List<ConfigResult> configs) {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("work-per-worker chart needs at least one config");
    }
    int workers = configs.stream().mapToInt(ConfigResult::concurrency).max().orElseThrow();
    List<String> categories = new ArrayList<>();
    for (int w = 1; w <= workers; w++) {
      categories.add(Integer.toString(w));
    }
    CategoryChart chart = new CategoryChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("Transitions committed per worker (repetition 1, workers ranked by work)")
        .xAxisTitle("Worker rank (1 = most work)")
        .yAxisTitle("Committed transitions")
        .build();
    CategoryStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, configs.size());
    styler.setYAxisMin(0.0);
    styler.setYAxisDecimalPattern("#,##0");
    styler.setAvailableSpaceFill(0.8);
    ChartData.Builder data = ChartData.builder(ChartColumn.text("config"),
        ChartColumn.text("strategy"), ChartColumn.number("worker_rank", 0),
        ChartColumn.number("transitions", 0), ChartColumn.number("fair_share", 1),
        ChartColumn.text("starved"));
    Color[] colors = new Color[configs.size()];
    for (int i = 0; i < configs.size(); i++) {
      ConfigResult c = configs.get(i);
      long[] ranked = ranked(rows, c);
      colors[i] = ChartStyle.strategyColor(c.strategy(), i);
      List<Double> values = new ArrayList<>();
      double fair = Arrays.stream(ranked).sum() / (double) ranked.length;
      for (int w = 0; w < workers; w++) {
        values.add(w < ranked.length ? (double) ranked[w] : null);
        if (w < ranked.length) {
          data.row(c.id(), c.strategy(), w + 1, ranked[w], fair,
              Fairness.isStarved(ranked[w], fair) ? "yes" : "no");
        }
      }
      CategorySeries series = chart.addSeries(c.id(), categories, values);
      series.setFillColor(colors[i]);
    }
    styler.setSeriesColors(colors);
    return new PlottedChart<>(NAME, chart, data.build());
  }

  private static long[] ranked(RawRows rows, ConfigResult c) {
    int code = rows.configIds().indexOf(c.id());
    if (code < 0) {
      throw new IllegalArgumentException("raw rows have no config " + c.id() + "; they hold "
          + rows.configIds());
    }
    long[] counts = Fairness.perWorker(rows, code, REP, c.concurrency());
    long[] desc = new long[counts.length];
    long[] asc = counts.clone();
    Arrays.sort(asc);
    for (int i = 0; i < asc.length; i++) {
      desc[i] = asc[asc.length - 1 - i];
    }
    return desc;
  }
}
