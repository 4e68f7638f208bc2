package dev.benchbook.analysis;

import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-segment stats from raw rows, in milliseconds, over COMMITTED rows only.
 *
 * <p>Rows whose outcome is conflict, busy or rolled back are attempts that wrote nothing; they
 * are counted elsewhere (conflicts, busy errors) and excluded here, so that every statistic
 * describes transitions that happened. Segments come in the order db_total_ms, lock_wait_ms,
 * fsm_dispatch_ms, fsm_net_ms, api_ms. Percentiles follow {@link Percentiles}.
 */
public final class SegmentStatsCalculator {

  /** The percentiles every stats record carries: P50, P90, P95, P99, P99.9. */
  private static final double[] PERCENTILES = {0.50, 0.90, 0.95, 0.99, 0.999};
  private static final double NS_PER_MS = 1_000_000.0;
  private static final byte COMMITTED = (byte) Outcome.COMMITTED.ordinal();
  private static final int ANY_REP = -1;

  private SegmentStatsCalculator() {
  }

  /** Stats of one config over all its repetitions; empty map when it has no committed row. */
  public static Map<String, SegmentStats> compute(RawRows rows, int configCode) {
    checkCode(rows, configCode);
    return statsOf(rows, committedIndices(rows, configCode, ANY_REP));
  }

  /** Stats of one repetition of one config; empty map when it has no committed row. */
  public static Map<String, SegmentStats> compute(RawRows rows, int configCode, int rep) {
    checkCode(rows, configCode);
    if (rep < 0) {
      throw new IllegalArgumentException("rep must be >= 0, got " + rep);
    }
    return statsOf(rows, committedIndices(rows, configCode, rep));
  }

  /**
   * Stats of every config, keyed by config id in dictionary order, from one pass that splits
   * the rows by config; configs without committed rows map to an empty map.
   */
  public static Map<String, Map<String, SegmentStats>> computeAll(RawRows rows) {
    int[][] byConfig = splitByConfig(rows);
    Map<String, Map<String, SegmentStats>> out = new LinkedHashMap<>();
    for (int c = 0; c < byConfig.length; c++) {
      out.put(rows.configIds().get(c), statsOf(rows, byConfig[c]));
    }
    return Collections.unmodifiableMap(out);
  }

  /** One segment's committed values of one config, in milliseconds, in row order. */
  public static double[] samplesMs(RawRows rows, int configCode, Segment segment) {
    checkCode(rows, configCode);
    int[] idx = committedIndices(rows, configCode, ANY_REP);
    long[] col = rows.ns(segment);
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = col[idx[i]] / NS_PER_MS;
    }
    return out;
  }

  /**
   * One segment's committed values of one config in milliseconds, split by repetition: element
   * i holds the rows of repetition {@code reps[i]} (empty when it has none). api_ms keeps the
   * rows that called the API, as the pooled stats do.
   */
  public static double[][] samplesMsByRep(RawRows rows, int configCode, Segment segment,
      int[] reps) {
    checkCode(rows, configCode);
    int[] idx = committedIndices(rows, configCode, ANY_REP);
    long[] col = rows.ns(segment);
    if (segment == Segment.API) {
      idx = withApiCall(col, idx);
    }
    int[] repOf = rows.rep();
    Map<Integer, Integer> slot = new java.util.HashMap<>();
    for (int i = 0; i < reps.length; i++) {
      slot.put(reps[i], i);
    }
    int[] counts = new int[reps.length];
    for (int i : idx) {
      Integer at = slot.get(repOf[i]);
      if (at != null) {
        counts[at]++;
      }
    }
    double[][] out = new double[reps.length][];
    for (int i = 0; i < reps.length; i++) {
      out[i] = new double[counts[i]];
    }
    int[] fill = new int[reps.length];
    for (int i : idx) {
      Integer at = slot.get(repOf[i]);
      if (at != null) {
        out[at][fill[at]++] = col[i] / NS_PER_MS;
      }
    }
    return out;
  }

  private static Map<String, SegmentStats> statsOf(RawRows rows, int[] idx) {
    Map<String, SegmentStats> out = new LinkedHashMap<>();
    if (idx.length == 0) {
      return Collections.unmodifiableMap(out);
    }
    double[] buf = new double[idx.length];
    for (Segment s : Segment.values()) {
      if (!rows.has(s.column())) {
        continue;
      }
      long[] col = rows.ns(s);
      out.put(s.key(), statsOfColumn(col, s == Segment.API ? withApiCall(col, idx) : idx, buf));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The rows that made an API call (api_ns > 0): api_ms describes the simulated call itself,
   * not a mixture with the edges that have none. When no row called the API (zero profile),
   * every row, so api_ms reads 0.
   */
  private static int[] withApiCall(long[] api, int[] idx) {
    int[] out = new int[idx.length];
    int n = 0;
    for (int i : idx) {
      if (api[i] > 0) {
        out[n++] = i;
      }
    }
    return n == 0 ? idx : Arrays.copyOf(out, n);
  }

  private static SegmentStats statsOfColumn(long[] col, int[] idx, double[] buf) {
    int n = idx.length;
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long v = col[idx[i]];
      buf[i] = v;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] p = Percentiles.ofInPlace(buf, 0, n, PERCENTILES);
    return SegmentStats.measured(n, (double) sum / n / NS_PER_MS, min / NS_PER_MS,
        p[0] / NS_PER_MS, p[1] / NS_PER_MS, p[2] / NS_PER_MS, p[3] / NS_PER_MS,
        p[4] / NS_PER_MS, max / NS_PER_MS);
  }

  private static int[] committedIndices(RawRows rows, int configCode, int rep) {
    int[] config = rows.config();
    int[] reps = rows.rep();
    byte[] outcome = rows.outcome();
    int[] idx = new int[rows.size()];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == configCode && outcome[i] == COMMITTED && (rep == ANY_REP || reps[i] == rep)) {
        idx[n++] = i;
      }
    }
    return Arrays.copyOf(idx, n);
  }

  private static int[][] splitByConfig(RawRows rows) {
    int configs = rows.configIds().size();
    int[] config = rows.config();
    byte[] outcome = rows.outcome();
    int[] counts = new int[configs];
    for (int i = 0; i < rows.size(); i++) {
      if (outcome[i] == COMMITTED) {
        counts[config[i]]++;
      }
    }
    int[][] idx = new int[configs][];
    for (int c = 0; c < configs; c++) {
      idx[c] = new int[counts[c]];
    }
    int[] fill = new int[configs];
    for (int i = 0; i < rows.size(); i++) {
      if (outcome[i] == COMMITTED) {
        int c = config[i];
        idx[c][fill[c]++] = i;
      }
    }
    return idx;
  }

  private static void checkCode(RawRows rows, int configCode) {
    if (configCode < 0 || configCode >= rows.configIds().size()) {
      throw new IllegalArgumentException("config code must be in [0, "
          + rows.configIds().size() + "), got " + configCode);
    }
  }
}
