package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.Segment;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before/after comparison of a baseline config and a mitigation config: per-segment P50, P95
 * and P99, the P95 delta in ms and %, the throughput ratio, and, when the data allow, seeded
 * bootstrap intervals and verdicts. Method: docs/STATISTICS.md.
 */
public final class Comparisons {

  /** The percentile whose delta gets an interval and a verdict. */
  public static final double P95 = 0.95;

  private Comparisons() {
  }

  /**
   * Compares two configs. Refuses configs whose workloads differ unless {@code options.force()};
   * when forced, the differences are listed in the result.
   *
   * @throws WorkloadMismatchException when both configs carry a workload, they differ, and the
   *     comparison is not forced
   */
  public static Comparison compare(ConfigResult baseline, ConfigResult mitigation,
      CompareOptions options) {
    List<String> differences = workloadDifferences(baseline, mitigation);
    if (!differences.isEmpty() && !options.force()) {
      throw new WorkloadMismatchException(differences);
    }
    IntervalData data = IntervalData.of(baseline, mitigation, options);
    List<SegmentDelta> rows = new ArrayList<>();
    for (Segment s : segmentsToCompare(baseline, mitigation)) {
      rows.add(segmentDelta(s, baseline, mitigation, data, options));
    }
    return new Comparison(baseline.id(), mitigation.id(), rows,
        throughput(baseline, mitigation, data, options), data.describe(options),
        options.noiseThresholdPct(), differences);
  }

  /**
   * One row from raw samples in ms: P50/P95/P99 of each side, the P95 delta, its bootstrap
   * interval and verdict. E.g. {@code delta("db_total_ms", a, a, opts)} is 0, within noise.
   */
  public static SegmentDelta delta(String segment, double[] baselineMs, double[] mitigationMs,
      CompareOptions options) {
    double[] b = Percentiles.of(baselineMs, 0.50, P95, 0.99);
    double[] m = Percentiles.of(mitigationMs, 0.50, P95, 0.99);
    double pct = deltaPct(b[1], m[1]);
    Interval ci = Bootstrap.percentileDeltaInterval(baselineMs, mitigationMs, P95,
        options.resamples(), options.confidence(), options.seed());
    return new SegmentDelta(segment, Optional.of(b[0]), b[1], Optional.of(b[2]),
        Optional.of(m[0]), m[1], Optional.of(m[2]), deltaMs(b[1], m[1]), pct, Optional.of(ci),
        Optional.of(Verdicts.latency(ci, pct, options.noiseThresholdPct())));
  }

  /** Mitigation minus baseline, in the unit of the inputs (negative = faster). */
  public static double deltaMs(double baselineMs, double mitigationMs) {
    return mitigationMs - baselineMs;
  }

  /** The delta as a percentage of the baseline; 0 when both are 0; fails when only base is 0. */
  public static double deltaPct(double baseline, double mitigation) {
    if (baseline == 0 && mitigation == 0) {
      return 0;
    }
    if (!(baseline > 0)) {
      throw new IllegalArgumentException(
          "baseline must be > 0 to express a delta in %, got " + baseline);
    }
    return 100.0 * (mitigation - baseline) / baseline;
  }

  /** Mitigation / baseline; both must be positive and finite. */
  public static double ratio(double baseline, double mitigation) {
    if (!(baseline > 0 && mitigation > 0 && Double.isFinite(baseline)
        && Double.isFinite(mitigation))) {
      throw new IllegalArgumentException("a ratio needs positive finite values, got "
          + mitigation + " / " + baseline);
    }
    return mitigation / baseline;
  }

  /** Workload differences, empty when either config has no recorded workload. */
  public static List<String> workloadDifferences(ConfigResult baseline, ConfigResult mitigation) {
    if (baseline.workload().isEmpty() || mitigation.workload().isEmpty()) {
      return List.of();
    }
    return WorkloadDiff.differences(baseline.workload().get(), mitigation.workload().get());
  }

  /**
   * The seed's four segments present in both configs, in the seed's order, then api_ms when
   * both configs have it with a P95 above zero.
   */
  public static List<Segment> segmentsToCompare(ConfigResult baseline, ConfigResult mitigation) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : Segment.SEED_ORDER) {
      if (hasP95(baseline, s) && hasP95(mitigation, s)) {
        out.add(s);
      }
    }
    if (hasP95(baseline, Segment.API) && hasP95(mitigation, Segment.API)
        && baseline.segment(Segment.API).p95() > 0 && mitigation.segment(Segment.API).p95() > 0) {
      out.add(Segment.API);
    }
    return out;
  }

  private static boolean hasP95(ConfigResult config, Segment s) {
    SegmentStats stats = config.segments().get(s.key());
    return stats != null && stats.p95Ms() != null;
  }

  private static SegmentDelta segmentDelta(Segment s, ConfigResult baseline,
      ConfigResult mitigation, IntervalData data, CompareOptions options) {
    SegmentStats b = baseline.segment(s);
    SegmentStats m = mitigation.segment(s);
    double pct = deltaPct(b.p95(), m.p95());
    Optional<Interval> ci = data.p95DeltaInterval(s, options);
    Optional<Verdict> verdict =
        ci.map(i -> Verdicts.latency(i, pct, options.noiseThresholdPct()));
    return new SegmentDelta(s.key(), Optional.ofNullable(b.p50Ms()), b.p95(),
        Optional.ofNullable(b.p99Ms()), Optional.ofNullable(m.p50Ms()), m.p95(),
        Optional.ofNullable(m.p99Ms()), deltaMs(b.p95(), m.p95()), pct, ci, verdict);
  }

  private static ThroughputRatio throughput(ConfigResult baseline, ConfigResult mitigation,
      IntervalData data, CompareOptions options) {
    double r = ratio(baseline.transitionsPerS(), mitigation.transitionsPerS());
    Optional<Interval> ci = data.throughputInterval(options);
    Optional<Verdict> verdict =
        ci.map(i -> Verdicts.throughput(i, r, options.noiseThresholdPct()));
    return new ThroughputRatio(baseline.transitionsPerS(), mitigation.transitionsPerS(), r, ci,
        verdict);
  }
}
