package dev.benchbook.charts;

import java.util.List;
import dev.benchbook.results.ConfigResult;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

/** Throughput per config, coloured by strategy, each bar labelled with its ratio to a baseline. */
public final class ThroughputChart {

  /** File base name of this chart. */
  public static final String NAME = "throughput";

  private ThroughputChart() {
  }

  /** Bars of transitions/s for {@code configs}, in order, with ratios to {@code baselineId}. */
  public static PlottedChart<CategoryChart> of(List<ConfigResult> configs, String baselineId) {
    return of(configs, baselineId, false);
  }

  /** The same bars, on a logarithmic throughput axis when {@code logScale}. */
  public static PlottedChart<CategoryChart> of(List<ConfigResult> configs, String baselineId,
      boolean logScale) {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("throughput chart needs at least one config");
    }
    ConfigResult baseline = configs.stream().filter(c -> c.id().equals(baselineId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("baseline config " + baselineId
            + " is not among the charted configs " + configs.stream().map(ConfigResult::id)
            .toList()));
    if (!(baseline.transitionsPerS() > 0)) {
      throw new IllegalArgumentException("baseline config " + baselineId
          + " has throughput " + baseline.transitionsPerS() + " transitions/s; a ratio needs > 0");
    }
    List<String> categories = configs.stream().map(ConfigResult::id).toList();
    List<Double> values = configs.stream().map(ConfigResult::transitionsPerS).toList();
    CategoryChart chart = new CategoryChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("Throughput per config (labels: ratio to " + baselineId + ")")
        .xAxisTitle("Config")
        .yAxisTitle("Throughput (committed transitions/s" + (logScale ? ", log scale" : "") + ")")
        .build();
    CategoryStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, CategoryBars.strategies(configs).size());
    ChartStyle.rotateCategoryLabels(styler, categories);
    styler.setYAxisDecimalPattern("#,##0");
    CategoryBars.add(chart, configs, values);
    double max = 0;
    double min = Double.MAX_VALUE;
    for (int i = 0; i < configs.size(); i++) {
      double ratio = values.get(i) / baseline.transitionsPerS();
      chart.addAnnotation(new Annotations.Label(Annotations.categoryCenterX(i), values.get(i),
          ChartStyle.ratio(ratio), ChartStyle.ANNOTATION_BOLD_FONT, ChartStyle.TEXT));
      max = Math.max(max, values.get(i));
      min = Math.min(min, values.get(i));
    }
    if (logScale) {
      if (!(min > 0)) {
        throw new IllegalArgumentException("a log throughput axis needs every config above 0"
            + " transitions/s; the lowest is " + min);
      }
      styler.setYAxisLogarithmic(true);
      styler.setYAxisMin(ChartStyle.decadeBelow(min / 1.5));
      styler.setYAxisMax(ChartStyle.decadeAbove(max * 2));
    } else {
      styler.setYAxisMin(0.0);
      styler.setYAxisMax(max > 0 ? max * 1.12 : 1.0);
    }
    return new PlottedChart<>(NAME + (logScale ? "-log" : ""), chart, data(configs, baseline));
  }

  private static ChartData data(List<ConfigResult> configs, ConfigResult baseline) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("config"),
        ChartColumn.text("strategy"),
        ChartColumn.number("transitions_per_s", 1),
        ChartColumn.text("baseline_config"),
        ChartColumn.number("ratio_to_baseline", 3));
    for (ConfigResult config : configs) {
      data.row(config.id(), config.strategy(), config.transitionsPerS(), baseline.id(),
          config.transitionsPerS() / baseline.transitionsPerS());
    }
    return data.build();
  }
}
