package dev.benchbook.charts;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import dev.benchbook.rows.TestRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Realistic synthetic inputs for chart tests and previews (fixed seeds). */
final class ChartFixtures {

  static final String BASELINE = "c10-zero";
  static final String SHARED = "c10-zero-shared-connection";

  private ChartFixtures() {
  }

  /** A seed-like comparison with delta intervals. */
  static Comparison comparison() {
    List<SegmentDelta> rows = List.of(
        delta("db_total_ms", 40.95, 1.27, ci(-40.21, -39.02)),
        delta("lock_wait_ms", 39.6, 0.42, ci(-39.5, -38.7)),
        delta("fsm_dispatch_ms", 0.021, 0.019, ci(-0.004, 0.001)),
        delta("fsm_net_ms", 41.8, 1.91, ci(-40.4, -39.2)));
    return new Comparison(BASELINE, SHARED, rows,
        new ThroughputRatio(1150, 10005, 8.7, Optional.empty(), Optional.empty()),
        "percentile-bootstrap/raw-rows", 5.0, List.of());
  }

  /** The same comparison without intervals (a reconstructed file). */
  static Comparison comparisonWithoutIntervals() {
    List<SegmentDelta> rows = new ArrayList<>();
    for (SegmentDelta d : comparison().segments()) {
      rows.add(new SegmentDelta(d.segment(), Optional.empty(), d.baselineP95Ms(),
          Optional.empty(), Optional.empty(), d.mitigationP95Ms(), Optional.empty(), d.deltaMs(),
          d.deltaPct(), Optional.empty(), Optional.empty()));
    }
    Comparison c = comparison();
    return new Comparison(c.baselineConfig(), c.mitigationConfig(), rows, c.throughput(),
        "none: reconstructed", 5.0, List.of());
  }

  static Optional<Interval> ci(double low, double high) {
    return Optional.of(new Interval(low, high, 0.95, 2000, "percentile-bootstrap/raw-rows"));
  }

  static SegmentDelta delta(String segment, double before, double after, Optional<Interval> ci) {
    double d = after - before;
    return new SegmentDelta(segment, Optional.empty(), before, Optional.empty(), Optional.empty(),
        after, Optional.empty(), d, 100 * d / before, ci,
        ci.map(i -> i.high() < 0 ? Verdict.IMPROVED : Verdict.WITHIN_NOISE));
  }

  /** A config with mean lock_wait / db_total and a throughput. */
  static ConfigResult config(String id, String strategy, int concurrency, double perS,
      double meanLockMs, double meanDbMs) {
    Map<String, SegmentStats> segments = new LinkedHashMap<>();
    segments.put(Segment.DB_TOTAL.key(), SegmentStats.measured(1000, meanDbMs, 0.01,
        meanDbMs * 0.5, meanDbMs * 2, meanDbMs * 3, meanDbMs * 5, meanDbMs * 8, meanDbMs * 10));
    segments.put(Segment.LOCK_WAIT.key(), SegmentStats.measured(1000, meanLockMs, 0.0,
        meanLockMs * 0.5, meanLockMs * 2, meanLockMs * 3, meanLockMs * 5, meanLockMs * 8,
        meanLockMs * 10));
    return new ConfigResult(id, concurrency, "zero", strategy, Map.of(), true, 5, 4090, 3.5,
        perS, Optional.<Double>empty().orElse(null), 0, 0, false, Optional.empty(), segments,
        List.of());
  }

  /** A mitigation run's configs: the baseline and every strategy. */
  static List<ConfigResult> strategies() {
    return List.of(
        config(BASELINE, "per-worker", 10, 1150.4, 12.1, 12.4),
        config(SHARED, "shared-connection", 10, 10005.2, 0.31, 0.45),
        config("c10-zero-writer-queue", "writer-queue", 10, 104250.0, 0.05, 0.09),
        config("c10-zero-backoff", "backoff", 10, 1602.7, 8.2, 8.6));
  }

  /** A baseline matrix: many configs with long ids, to exercise label rotation. */
  static List<ConfigResult> matrix() {
    List<ConfigResult> configs = new ArrayList<>();
    int[] concurrency = {1, 2, 4, 8, 10, 16};
    String[] profiles = {"zero", "fast-api"};
    for (String profile : profiles) {
      for (int c : concurrency) {
        double lock = c == 1 ? 0.002 : 0.4 * c * c / 10;
        double db = lock + 0.35;
        double perS = c == 1 ? 2800 : 2800 / (1 + 0.08 * c * c / 4);
        if (profile.equals("fast-api")) {
          perS *= 0.6;
        }
        configs.add(config("c" + c + "-" + profile + "-per-worker", "per-worker", c, perS, lock,
            db));
      }
    }
    return configs;
  }

  /** A concurrency sweep for two strategies, with knees. */
  static SweepSpec sweepSpec() {
    return new SweepSpec("concurrency", List.of("1", "2", "4", "8", "16", "32"),
        Map.of("per-worker", "8"));
  }

  /** Points of {@link #sweepSpec()}. */
  static List<SweepPoint> sweepPoints() {
    List<SweepPoint> points = new ArrayList<>();
    double[] pwTput = {2750, 3900, 3300, 1600, 900, 480};
    double[] pwP95 = {0.004, 0.02, 0.03, 0.9, 24.0, 61.0};
    double[] scTput = {2900, 5600, 8900, 10100, 10300, 10250};
    double[] scP95 = {0.003, 0.09, 0.21, 0.42, 0.95, 2.1};
    List<String> values = sweepSpec().values();
    for (int i = 0; i < values.size(); i++) {
      points.add(new SweepPoint("per-worker", values.get(i), "c" + values.get(i), pwTput[i],
          pwP95[i], pwP95[i] * 1.9));
      points.add(new SweepPoint("shared-connection", values.get(i),
          "c" + values.get(i) + "-shared-connection", scTput[i], scP95[i],
          scP95[i] * 2.4));
    }
    return points;
  }

  /**
   * Raw rows of a baseline (heavy lock_wait tail, a checkpoint stall at 1.2 s) and a
   * shared-connection mitigation, 10 workers, 2 repetitions of about 2.5 s each.
   */
  static RawRows rows() {
    RawRows rows = new RawRows(List.of(BASELINE, SHARED), List.of("NEW", "SCANNED", "INDEXED"),
        1 << 16);
    Random random = new Random(42);
    for (int config = 0; config < 2; config++) {
      for (int rep = 0; rep < 2; rep++) {
        for (int worker = 0; worker < 10; worker++) {
          simulateWorker(rows, random, config, rep, worker);
        }
      }
    }
    return rows;
  }

  private static void simulateWorker(RawRows rows, Random random, int config, int rep,
      int worker) {
    long t = random.nextInt(200_000);
    long end = config == 0 ? 2_500_000_000L : 600_000_000L;
    int file = worker * 100_000;
    while (t < end) {
      long dispatch = 15_000 + random.nextInt(10_000);
      long lockWait;
      if (config == 0) {
        double u = random.nextDouble();
        lockWait = u < 0.55 ? 5_000 + random.nextInt(40_000)
            : (long) (-Math.log(1 - random.nextDouble()) * 9_000_000);
        long stallStart = 1_200_000_000L + rep * 300_000_000L;
        if (t > stallStart && t < stallStart + 180_000_000L) {
          lockWait += stallStart + 180_000_000L - t;
        }
      } else {
        lockWait = (long) (-Math.log(1 - random.nextDouble()) * 120_000);
      }
      long statements = 250_000 + random.nextInt(150_000);
      long db = lockWait + statements;
      long net = dispatch + db;
      Outcome outcome = random.nextInt(100) < (config == 0 ? 3 : 0) ? Outcome.BUSY
          : Outcome.COMMITTED;
      TestRows.add(rows, config, rep, worker, file++, 0, 1, t, dispatch, 0, lockWait, db, net, net, 0,
          outcome);
      t += net;
    }
  }
}
