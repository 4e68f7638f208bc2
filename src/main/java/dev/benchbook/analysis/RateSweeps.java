package dev.benchbook.analysis;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open-loop rate sweeps: the latency-throughput curve per strategy and its knee, the rate
 * where the P99 response time leaves its floor (the saturation point).
 */
public final class RateSweeps {

  /**
   * The knee is the first point (in rate order) whose P99 response exceeds this multiple of
   * the floor, the lowest P99 of the points before it, or that could not keep its schedule.
   */
  public static final double KNEE_FACTOR = 3.0;

  private static final Segment RESPONSE = Segment.RESPONSE;

  private RateSweeps() {
  }

  /** The point of one open-loop config measured at swept rate {@code value}. */
  public static RatePoint point(ConfigResult c, String value) {
    OpenLoop o = c.openLoop().orElseThrow(() -> new IllegalArgumentException("config " + c.id()
        + " did not run open-loop; a rate sweep's points need --rate"));
    SegmentStats r = c.segment(RESPONSE);
    return new RatePoint(c.strategy(), value, c.id(), o.requestedRatePerS(),
        o.achievedRatePerS(), r.p50(), r.p99(), OpenLoopRates.saturated(o));
  }

  /**
   * The points of a rate sweep's configs, stored strategy by strategy over the sweep's values
   * in order (as {@link Sweeps#points}).
   */
  public static List<RatePoint> points(List<ConfigResult> configs, List<String> values) {
    List<RatePoint> out = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      out.add(point(configs.get(i), values.get(i % values.size()).trim()));
    }
    return out;
  }

  /** Points grouped by strategy, each in ascending requested rate. */
  public static Map<String, List<RatePoint>> byStrategy(List<RatePoint> points) {
    Map<String, List<RatePoint>> m = new LinkedHashMap<>();
    for (RatePoint p : points) {
      m.computeIfAbsent(p.strategy(), k -> new ArrayList<>()).add(p);
    }
    m.replaceAll((k, v) -> v.stream()
        .sorted(java.util.Comparator.comparingDouble(RatePoint::requestedPerS)).toList());
    return m;
  }

  /** The knee of one strategy's points (see {@link #KNEE_FACTOR}); empty when none. */
  public static Optional<RatePoint> knee(List<RatePoint> points) {
    List<RatePoint> sorted = points.stream()
        .sorted(java.util.Comparator.comparingDouble(RatePoint::requestedPerS)).toList();
    double floor = Double.MAX_VALUE;
    for (RatePoint p : sorted) {
      if (p.saturated() || (floor < Double.MAX_VALUE && p.p99ResponseMs() > KNEE_FACTOR
          * floor)) {
        return Optional.of(p);
      }
      floor = Math.min(floor, p.p99ResponseMs());
    }
    return Optional.empty();
  }

  /** Knee value per strategy (strategies without a knee are absent). */
  public static Map<String, String> knees(List<RatePoint> points) {
    Map<String, String> m = new LinkedHashMap<>();
    byStrategy(points).forEach((s, pts) -> knee(pts).ifPresent(k -> m.put(s, k.value())));
    return m;
  }
}
