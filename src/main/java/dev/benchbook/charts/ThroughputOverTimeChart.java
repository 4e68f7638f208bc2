package dev.benchbook.charts;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Committed transitions per time bucket inside each measured pass, to show stalls and
 * checkpoints.
 *
 * <p>A transition counts in the bucket of its completion, {@code start_ns + total_ns}. Buckets run
 * from the start of the pass up to the bucket holding the last completion, empty buckets included
 * as zero (those are the stalls). That last bucket is only partly covered by the pass, so it is
 * left out, unless it is the only one. Each bucket is drawn as a step starting at its start. One series per
 * config and repetition: colour by config, dash pattern by repetition.
 */
public final class ThroughputOverTimeChart {

  /** File base name of this chart. */
  public static final String NAME = "throughput-over-time";
  /** Default bucket width, in ms. */
  public static final long DEFAULT_BUCKET_MS = 100;

  private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f},
      {4f, 4f}};

  private ThroughputOverTimeChart() {
  }

  /** Every config and repetition in the rows, 100 ms buckets. */
  public static PlottedChart<XYChart> of(RawRows rows) {
    return of(rows, DEFAULT_BUCKET_MS, List.of(), List.of());
  }

  /**
   * The given configs (all when empty) and repetitions (all when empty), with buckets of
   * {@code bucketMs} milliseconds.
   */
  public static PlottedChart<XYChart> of(RawRows rows, long bucketMs, List<String> configIds,
      List<Integer> reps) {
    if (bucketMs < 1 || bucketMs > 60_000) {
      throw new IllegalArgumentException("bucket width must be 1..60000 ms, got " + bucketMs);
    }
    List<String> ids = configIds.isEmpty() ? rows.configIds() : configIds;
    for (String id : ids) {
      if (!rows.configIds().contains(id)) {
        throw new IllegalArgumentException("raw rows have no config " + id + "; they hold "
            + rows.configIds());
      }
    }
    List<Bucketed> series = bucket(rows, bucketMs * 1_000_000L, ids, reps);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no committed rows for configs " + ids + " and reps "
          + (reps.isEmpty() ? "(all)" : reps));
    }
    XYChart chart = new XYChartBuilder()
        .width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title("Committed throughput over time (" + bucketMs + " ms buckets)")
        .xAxisTitle("Time since start of measured pass (s)")
        .yAxisTitle("Throughput (committed transitions/s)")
        .build();
    XYStyler styler = chart.getStyler();
    ChartStyle.applyCommon(styler, series.size());
    styler.setYAxisMin(0.0);
    styler.setYAxisDecimalPattern("#,##0");
    styler.setXAxisDecimalPattern("0.0##");
    for (Bucketed b : series) {
      double[] x = new double[b.counts.length];
      double[] y = new double[b.counts.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i * bucketMs / 1000.0;
        y[i] = b.counts[i] * 1000.0 / bucketMs;
      }
      XYSeries s = chart.addSeries(b.label(), x, y);
      s.setMarker(SeriesMarkers.NONE);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      s.setLineColor(ChartStyle.paletteColor(ids.indexOf(b.config)));
      float[] dash = DASHES[b.rep % DASHES.length];
      s.setLineStyle(dash == null ? new BasicStroke(2f)
          : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }
    return new PlottedChart<>(NAME, chart, data(series, bucketMs));
  }

  private record Bucketed(String config, int rep, long[] counts) {
    String label() {
      return config + " rep " + rep;
    }
  }

  private static List<Bucketed> bucket(RawRows rows, long bucketNs, List<String> ids,
      List<Integer> reps) {
    List<Bucketed> out = new ArrayList<>();
    for (String id : ids) {
      int code = rows.configIds().indexOf(id);
      TreeMap<Integer, long[]> byRep = new TreeMap<>();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.config()[i] != code || rows.outcome()[i] != Outcome.COMMITTED.ordinal()
            || (!reps.isEmpty() && !reps.contains(rows.rep()[i]))) {
          continue;
        }
        int bucket = (int) ((rows.startNs()[i] + rows.longs(Column.TOTAL_NS)[i]) / bucketNs);
        long[] counts = byRep.computeIfAbsent(rows.rep()[i], r -> new long[16]);
        if (bucket >= counts.length) {
          counts = java.util.Arrays.copyOf(counts, Math.max(bucket + 1, counts.length * 2));
          byRep.put(rows.rep()[i], counts);
        }
        counts[bucket]++;
      }
      byRep.forEach((rep, counts) -> out.add(new Bucketed(id, rep, trim(counts))));
    }
    return out;
  }

  /** Counts up to, but without, the last non-empty (partial) bucket, keeping at least one. */
  private static long[] trim(long[] counts) {
    int last = counts.length - 1;
    while (last > 0 && counts[last] == 0) {
      last--;
    }
    return java.util.Arrays.copyOf(counts, Math.max(1, last));
  }

  private static ChartData data(List<Bucketed> series, long bucketMs) {
    ChartData.Builder data = ChartData.builder(
        ChartColumn.text("config"),
        ChartColumn.text("rep"),
        ChartColumn.number("bucket_start_s", 3),
        ChartColumn.text("committed"),
        ChartColumn.number("transitions_per_s", 1));
    for (Bucketed b : series) {
      for (int i = 0; i < b.counts.length; i++) {
        data.row(b.config, b.rep, i * bucketMs / 1000.0, b.counts[i],
            b.counts[i] * 1000.0 / bucketMs);
      }
    }
    return data.build();
  }
}
