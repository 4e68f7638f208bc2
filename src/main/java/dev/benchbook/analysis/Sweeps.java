package dev.benchbook.analysis;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contention sweeps: points per strategy and the knee of each. */
public final class Sweeps {

  /** The knee is the first point whose P95 lock_wait exceeds this multiple of the first's. */
  public static final double KNEE_FACTOR = 10.0;

  private Sweeps() {
  }

  /** A sweep point from a measured config. */
  public static SweepPoint point(ConfigResult c, String value) {
    SegmentStats lw = c.segment(Segment.LOCK_WAIT);
    return new SweepPoint(c.strategy(), value, c.id(), c.transitionsPerS(), lw.p95(), lw.p99());
  }

  /**
   * The knee of one strategy's points (in sweep order): the first point where P95 lock_wait
   * exceeds {@link #KNEE_FACTOR} times its value at the first point.
   */
  public static Optional<SweepPoint> knee(List<SweepPoint> points) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    double first = points.get(0).p95LockWaitMs();
    for (SweepPoint p : points.subList(1, points.size())) {
      if (p.p95LockWaitMs() > KNEE_FACTOR * first) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The points of a sweep file: configs are stored strategy by strategy, each over the sweep's
   * values in order, so the i-th config of a strategy sits at the i-th value.
   */
  public static List<SweepPoint> points(RunFile f) {
    SweepSpec spec = f.sweep().orElseThrow(() -> new IllegalArgumentException("a " + f.kind()
        + " file is not a sweep"));
    List<SweepPoint> points = new ArrayList<>();
    int n = spec.values().size();
    List<ConfigResult> configs = f.configs();
    for (int i = 0; i < configs.size(); i++) {
      points.add(point(configs.get(i), spec.values().get(i % n).trim()));
    }
    return points;
  }

  /** Points grouped by strategy, in first-appearance order. */
  public static Map<String, List<SweepPoint>> byStrategy(List<SweepPoint> points) {
    Map<String, List<SweepPoint>> m = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      m.computeIfAbsent(p.strategy(), k -> new ArrayList<>()).add(p);
    }
    return m;
  }

  /** Knee value per strategy (strategies without a knee are absent). */
  public static Map<String, String> knees(List<SweepPoint> points) {
    Map<String, String> m = new LinkedHashMap<>();
    byStrategy(points).forEach((s, pts) -> knee(pts).ifPresent(k -> m.put(s, k.value())));
    return m;
  }
}
