package dev.benchbook.charts;

import dev.benchbook.analysis.Contention;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Share of DB time spent waiting for the write lock, per config: the lock share of
 * {@link Contention#lockShare}, the one definition tables and sentences use too.
 */
public final class LockWaitShareChart {

  /** File base name of this chart. */
  public static final String NAME = "lock-wait-share";

  private LockWaitShareChart() {
  }

  /** True when the config has the mean lock_wait and a positive mean db_total this chart needs. */
  public static boolean supports(ConfigResult config) {
    return Contention.lockShare(config).isPresent();
  }

  /** Bars of lock_wait share (%) for {@code configs}, in order, coloured by strategy. */
  public static PlottedChart<CategoryChart> of(List<ConfigResult> configs) {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("lock_wait share chart needs at least one config");
    }
    List<Double> shares = new ArrayList<>();
    for (ConfigResult config : configs) {
      if (!supports(config)) {
        throw new IllegalArgumentException("config " + config.id() + " lacks mean lock_wait_ms or"
            + " a positive mean db_total_ms; filter with LockWaitShareChart.supports first");
      }
      shares.add(100 * Contention.lockShare(config).orElseThrow());
    }
    List<String> categories = configs.stream().map(ConfigResult::id).toList();
    CategoryChart chart = new CategoryChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("Share of DB time spent waiting for the write lock")
        .xAxisTitle("Config")
        .yAxisTitle("Mean lock_wait / mean db_total (%)")
        .build();
    CategoryStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, CategoryBars.strategies(configs).size());
    ChartStyle.rotateCategoryLabels(styler, categories);
    styler.setYAxisDecimalPattern("0'%'");
    styler.setYAxisMin(0.0);
    styler.setYAxisMax(100.0);
    CategoryBars.add(chart, configs, shares);
    for (int i = 0; i < shares.size(); i++) {
      double share = shares.get(i);
      boolean inside = share > 88;
      chart.addAnnotation(new Annotations.Label(Annotations.categoryCenterX(i),
          inside ? share - 7 : share, ChartStyle.pct(share), ChartStyle.ANNOTATION_BOLD_FONT,
          inside ? java.awt.Color.WHITE : ChartStyle.TEXT));
    }
    return new PlottedChart<>(NAME, chart, data(configs, shares));
  }

  private static double mean(ConfigResult config, Segment segment) {
    return config.segment(segment).meanMs();
  }

  private static ChartData data(List<ConfigResult> configs, List<Double> shares) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("config"),
        ChartColumn.text("strategy"),
        ChartColumn.number("mean_lock_wait_ms", 3),
        ChartColumn.number("mean_db_total_ms", 3),
        ChartColumn.number("lock_wait_share_pct", 2));
    for (int i = 0; i < configs.size(); i++) {
      ConfigResult config = configs.get(i);
      data.row(config.id(), config.strategy(), mean(config, Segment.LOCK_WAIT),
          mean(config, Segment.DB_TOTAL), shares.get(i));
    }
    return data.build();
  }
}
