package dev.benchbook.charts;

import dev.benchbook.analysis.RatePoint;
import dev.benchbook.analysis.RateSweeps;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The latency-throughput curve of an open-loop rate sweep, all strategies on one chart: per
 * strategy, the P99 (solid) and P50 (dashed) response time against the throughput achieved at
 * each requested rate, latency on a log axis; the knee (where P99 leaves its floor, see
 * {@link RateSweeps#knee}) ringed and labelled with its rate. A curve that bends back to the
 * left has passed saturation: asking for more gave less.
 */
public final class LatencyThroughputChart {

  /** File base name. */
  public static final String NAME = "sweep-latency-throughput";

  private LatencyThroughputChart() {
  }

  /** The chart of a rate sweep's points. */
  public static PlottedChart<XYChart> of(List<RatePoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a latency-throughput chart needs at least one point");
    }
    Map<String, List<RatePoint>> byStrategy = RateSweeps.byStrategy(points);
    XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("Latency vs throughput, open loop (response P99 solid, P50 dashed; knee ringed)")
        .xAxisTitle("Achieved throughput (transitions/s)")
        .yAxisTitle("Response time from the intended start (ms, log scale"
            + ChartStyle.FLOOR_NOTE + ")").build();
    XYStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, 2 * byStrategy.size());
    double min = Double.MAX_VALUE;
    double max = 0;
    double maxX = 0;
    Annotations.Markers knees = new Annotations.Markers();
    int s = 0;
    for (Map.Entry<String, List<RatePoint>> e : byStrategy.entrySet()) {
      Color color = ChartStyle.strategyColor(e.getKey(), s++);
      List<RatePoint> pts = e.getValue();
      double[] x = pts.stream().mapToDouble(RatePoint::achievedPerS).toArray();
      double[] p99 = pts.stream().mapToDouble(p -> ChartStyle.floorForLog(p.p99ResponseMs()))
          .toArray();
      double[] p50 = pts.stream().mapToDouble(p -> ChartStyle.floorForLog(p.p50ResponseMs()))
          .toArray();
      add(chart, e.getKey() + " P99", x, p99, color, SeriesLines.SOLID);
      add(chart, e.getKey() + " P50", x, p50, color, SeriesLines.DASH_DASH);
      for (int i = 0; i < x.length; i++) {
        min = Math.min(min, p50[i]);
        max = Math.max(max, p99[i]);
        maxX = Math.max(maxX, x[i]);
      }
      Optional<RatePoint> knee = RateSweeps.knee(pts);
      knee.ifPresent(k -> knees.add(k.achievedPerS(), ChartStyle.floorForLog(k.p99ResponseMs()),
          e.getKey() + " knee: " + k.value() + "/s", color));
    }
    chart.addAnnotation(knees);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(maxX > 0 ? maxX * 1.1 : 1.0);
    styler.setYAxisLogarithmic(true);
    styler.setYAxisMin(ChartStyle.decadeBelow(min));
    styler.setYAxisMax(ChartStyle.decadeAbove(max * 1.5));
    return new PlottedChart<>(NAME, chart, data(byStrategy));
  }

  private static void add(XYChart chart, String name, double[] x, double[] y, Color color,
      java.awt.BasicStroke line) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(color);
    series.setLineColor(color);
    series.setLineStyle(line);
    series.setLineWidth(line == SeriesLines.SOLID ? 2.5f : 1.5f);
  }

  private static ChartData data(Map<String, List<RatePoint>> byStrategy) {
    ChartData.Builder data = ChartData.builder(ChartColumn.text("strategy"),
        ChartColumn.text("rate"), ChartColumn.number("requested_per_s", 1),
        ChartColumn.number("achieved_per_s", 1), ChartColumn.number("p50_response_ms", 4),
        ChartColumn.number("p99_response_ms", 4), ChartColumn.text("saturated"),
        ChartColumn.text("knee"));
    for (Map.Entry<String, List<RatePoint>> e : byStrategy.entrySet()) {
      Optional<RatePoint> knee = RateSweeps.knee(e.getValue());
      for (RatePoint p : e.getValue()) {
        data.row(e.getKey(), p.value(), p.requestedPerS(), p.achievedPerS(), p.p50ResponseMs(),
            p.p99ResponseMs(), String.valueOf(p.saturated()),
            String.valueOf(knee.map(k -> k.configId().equals(p.configId())).orElse(false)));
      }
    }
    return data.build();
  }
}
