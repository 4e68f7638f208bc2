package dev.benchbook.charts;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bar and line charts of any Tablesaw table (a query result included), one series per value of
 * a series column, every value placed by its label: each series gets the same categories in the
 * same order, and a category a series has no row for stays empty instead of taking the next
 * value's place (XChart's own {@code addSeries} pairs values by position).
 */
public final class TableCharts {

  private TableCharts() {
  }

  /**
   * Bars of {@code y} per value of {@code x}, one series (colour) per value of {@code series}
   * ({@code null}: one series); fails when two rows share an x and series value.
   */
  public static PlottedChart<CategoryChart> bar(Table table, String x, String y, String series) {
    Grid grid = Grid.of(table, x, y, series);
    CategoryChart chart = categoryChart(grid);
    chart.getStyler().setYAxisMin(Math.min(0.0, grid.min()));
    for (int s = 0; s < grid.series().size(); s++) {
      CategorySeries added = chart.addSeries(grid.series().get(s), grid.categories(),
          grid.values(s));
      added.setFillColor(ChartStyle.paletteColor(s));
    }
    return new PlottedChart<>(fileName("bar", x, y, series), chart, grid.data());
  }

  /**
   * {@code y} against {@code x}, one line per value of {@code series} ({@code null}: one line):
   * on a numeric x axis when {@code x} is a numeric column, each point at its own x; else
   * against {@code x}'s values as categories, a missing point left as a gap.
   */
  public static PlottedChart<?> line(Table table, String x, String y, String series) {
    Grid grid = Grid.of(table, x, y, series);
    if (!(table.column(x) instanceof NumericColumn<?>)) {
      CategoryChart chart = categoryChart(grid);
      for (int s = 0; s < grid.series().size(); s++) {
        CategorySeries added = chart.addSeries(grid.series().get(s), grid.categories(),
            grid.values(s));
        added.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        style(added, s);
      }
      return new PlottedChart<>(fileName("line", x, y, series), chart, grid.data());
    }
    XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title(title(y, x, series)).xAxisTitle(x).yAxisTitle(y).build();
    ChartStyle.applyCommon(chart.getStyler(), grid.series().size());
    for (int s = 0; s < grid.series().size(); s++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      grid.points(s).forEach((px, py) -> {
        xs.add(px);
        ys.add(py);
      });
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries added = chart.addSeries(grid.series().get(s), xs, ys);
      added.setLineColor(ChartStyle.paletteColor(s));
      added.setMarkerColor(ChartStyle.paletteColor(s));
      added.setMarker(SeriesMarkers.CIRCLE);
      added.setLineStyle(new BasicStroke(2f));
    }
    return new PlottedChart<>(fileName("line", x, y, series), chart, grid.data());
  }

  private static void style(CategorySeries added, int s) {
    added.setLineColor(ChartStyle.paletteColor(s));
    added.setMarkerColor(ChartStyle.paletteColor(s));
    added.setFillColor(ChartStyle.paletteColor(s));
    added.setMarker(SeriesMarkers.CIRCLE);
    added.setLineStyle(new BasicStroke(2f));
  }

  private static CategoryChart categoryChart(Grid grid) {
    CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH_PX)
        .height(ChartStyle.HEIGHT_PX).title(title(grid.y(), grid.x(), grid.seriesColumn()))
        .xAxisTitle(grid.x()).yAxisTitle(grid.y()).build();
    ChartStyle.applyCommon(chart.getStyler(), grid.series().size());
    ChartStyle.rotateCategoryLabels(chart.getStyler(), grid.categories());
    chart.getStyler().setAvailableSpaceFill(CategoryBars.BAR_FILL);
    return chart;
  }

  private static String title(String y, String x, String series) {
    return y + " by " + x + (series == null ? "" : ", per " + series);
  }

  private static String fileName(String kind, String x, String y, String series) {
    String name = kind + "-" + y + "-by-" + x + (series == null ? "" : "-per-" + series);
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * The table's values placed by label: categories (x values) and series in order of first
   * appearance, {@code cells[series][category]} null where the table has no row.
   */
  private record Grid(String x, String y, String seriesColumn, List<String> categories,
      List<String> series, Double[][] cells, Map<String, Double> numericX) {

    static Grid of(Table table, String x, String y, String seriesColumn) {
      Column<?> xs = column(table, x);
      Column<?> ycol = column(table, y);
      if (!(ycol instanceof NumericColumn<?> ys)) {
        throw new IllegalArgumentException("column '" + y + "' of " + table.name() + " is "
            + ycol.type().name() + "; a chart's y needs a numeric column");
      }
      Column<?> ss = seriesColumn == null ? null : column(table, seriesColumn);
      Map<String, Integer> cats = new LinkedHashMap<>();
      Map<String, Integer> names = new LinkedHashMap<>();
      Map<String, Double> numericX = new LinkedHashMap<>();
      for (int r = 0; r < table.rowCount(); r++) {
        if (xs.isMissing(r)) {
          continue;
        }
        String label = xs.getString(r);
        cats.putIfAbsent(label, cats.size());
        if (xs instanceof NumericColumn<?> nx) {
          numericX.put(label, nx.getDouble(r));
        }
        names.putIfAbsent(ss == null ? y : ss.getString(r), names.size());
      }
      Double[][] cells = new Double[names.size()][cats.size()];
      for (int r = 0; r < table.rowCount(); r++) {
        if (xs.isMissing(r)) {
          continue;
        }
        int s = names.get(ss == null ? y : ss.getString(r));
        int c = cats.get(xs.getString(r));
        if (cells[s][c] != null) {
          throw new IllegalArgumentException("two rows of " + table.name() + " have " + x + "="
              + xs.getString(r) + (ss == null ? "" : " and " + seriesColumn + "="
              + ss.getString(r)) + "; a chart shows one value per place: aggregate first "
              + "(e.g. Benchbook.pivot or table.summarize)");
        }
        cells[s][c] = ys.isMissing(r) ? null : ys.getDouble(r);
      }
      return new Grid(x, y, seriesColumn, List.copyOf(cats.keySet()),
          List.copyOf(names.keySet()), cells, numericX);
    }

    private static Column<?> column(Table table, String name) {
      if (!table.columnNames().contains(name)) {
        throw new IllegalArgumentException("no column '" + name + "' in " + table.name()
            + "; columns: " + table.columnNames());
      }
      return table.column(name);
    }

    List<Double> values(int s) {
      return java.util.Arrays.asList(cells[s].clone());
    }

    /** A series' points on a numeric x axis, by x, missing ones left out. */
    Map<Double, Double> points(int s) {
      Map<Double, Double> out = new TreeMap<>();
      for (int c = 0; c < categories.size(); c++) {
        if (cells[s][c] != null) {
          out.put(numericX.get(categories.get(c)), cells[s][c]);
        }
      }
      return out;
    }

    double min() {
      double min = 0;
      for (Double[] row : cells) {
        for (Double v : row) {
          if (v != null) {
            min = Math.min(min, v);
          }
        }
      }
      return min;
    }

    /** One row per category, one column per series; an empty cell where a series has none. */
    ChartData data() {
      List<ChartColumn> columns = new ArrayList<>();
      columns.add(ChartColumn.text(safe(x)));
      for (String s : series) {
        columns.add(ChartColumn.number(safe(seriesColumn == null ? s
            : seriesColumn + "=" + s), 6));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (int c = 0; c < categories.size(); c++) {
        List<Object> row = new ArrayList<>();
        row.add(categories.get(c));
        for (int s = 0; s < series.size(); s++) {
          row.add(cells[s][c] == null ? Double.NaN : cells[s][c]);
        }
        rows.add(row);
      }
      return new ChartData(columns, rows);
    }

    private static String safe(String name) {
      String s = name.replace(',', ';').replace('"', '\'');
      return s.isBlank() ? "(blank)" : s;
    }
  }
}
