package dev.benchbook.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.benchbook.results.ConfigResult;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** One bar per config, coloured by strategy: one overlapped series per strategy. */
final class CategoryBars {

  static final double BAR_FILL = 0.7;

  private CategoryBars() {
  }

  /** Strategies in order of first appearance. */
  static List<String> strategies(List<ConfigResult> configs) {
    List<String> strategies = new ArrayList<>();
    for (ConfigResult config : configs) {
      if (!strategies.contains(config.strategy())) {
        strategies.add(config.strategy());
      }
    }
    return strategies;
  }

  /**
   * Adds one series per strategy holding the value of its configs and null elsewhere, with the
   * bars overlapped so every config gets a full-width bar in its strategy's colour.
   */
  static void add(CategoryChart chart, List<ConfigResult> configs, List<Double> values) {
    List<String> categories = configs.stream().map(ConfigResult::id).toList();
    Map<String, List<Double>> byStrategy = new LinkedHashMap<>();
    List<String> strategies = strategies(configs);
    for (String strategy : strategies) {
      List<Double> column = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        column.add(configs.get(i).strategy().equals(strategy) ? values.get(i) : null);
      }
      byStrategy.put(strategy, column);
    }
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(BAR_FILL);
    Color[] colors = new Color[strategies.size()];
    for (int s = 0; s < strategies.size(); s++) {
      colors[s] = ChartStyle.strategyColor(strategies.get(s), s);
    }
    chart.getStyler().setSeriesColors(colors);
    int s = 0;
    for (Map.Entry<String, List<Double>> entry : byStrategy.entrySet()) {
      CategorySeries series = chart.addSeries(entry.getKey(), categories, entry.getValue());
      series.setFillColor(colors[s++]);
    }
  }
}
