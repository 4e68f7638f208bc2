package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import dev.benchbook.rows.Segment;
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
    IntervalData data = IntervalData.of(baseline, mitigation, options, differences);
    // Segments are independent (own RNG streams): computed in parallel, kept in order.
    List<SegmentDelta> rows = segmentsToCompare(baseline, mitigation).parallelStream()
        .map(s -> segmentDelta(s, baseline, mitigation, data, options)).toList();
    return new Comparison(baseline.id(), mitigation.id(), rows,
        throughput(baseline, mitigation, data, options), data.describe(),
        options.noiseThresholdPct(), differences, data.noiseFloorMs(), data.setupDifferences());
  }

  /**
   * The delta of any percentile {@code p} (e.g. 0.99) of one segment, with its interval and
   * verdict by the same rules as the P95 rows. Needs raw rows in {@code options} for
   * percentiles other than P95.
   */
  public static PercentileDelta percentileDelta(ConfigResult baseline, ConfigResult mitigation,
      Segment s, double p, CompareOptions options) {
    List<String> differences = workloadDifferences(baseline, mitigation);
    if (!differences.isEmpty() && !options.force()) {
      throw new WorkloadMismatchException(differences);
    }
    IntervalData data = IntervalData.of(baseline, mitigation, options, differences);
    double b = percentileOf(baseline, options.baselineRows(), s, p);
    double m = percentileOf(mitigation, options.mitigationRows(), s, p);
    double pct = deltaPct(b, m);
    Optional<Interval> ci = data.percentileDeltaInterval(s, p, deltaMs(b, m));
    Optional<Verdict> verdict = verdict(ci, deltaMs(b, m), pct, data, options);
    return new PercentileDelta(s.key(), p, b, m, deltaMs(b, m), pct, ci, verdict);
  }

  private static double percentileOf(ConfigResult c, Optional<ConfigRows> rows, Segment s,
      double p) {
    if (p == P95) {
      return c.segment(s).p95();
    }
    ConfigRows r = rows.orElseThrow(() -> new IllegalArgumentException("percentile " + p
        + " of " + s.key() + " needs the raw rows of config " + c.id()));
    double[] values = SegmentStatsCalculator.samplesMs(r.rows(), r.configCode(), s);
    if (values.length == 0) {
      throw new IllegalArgumentException("config " + c.id() + " has no committed rows");
    }
    return Percentiles.of(values, p);
  }

  private static Optional<Verdict> verdict(Optional<Interval> ci, double deltaMs, double pct,
      IntervalData data, CompareOptions options) {
    if (data.verdictWithheld().isPresent()) {
      return Optional.empty();
    }
    double floor = data.noiseFloorMs().orElse(0.0);
    return ci.map(i -> Verdicts.latency(i, deltaMs, pct, options.noiseThresholdPct(), floor));
  }

  /**
   * One row from raw samples in ms grouped by repetition ({@code baselineMs[i]} holds the rows
   * of repetition i; one fork): P50/P95/P99 of the pooled rows, the P95 delta, its hierarchical
   * interval and verdict; no interval or verdict with fewer than 3 repetitions a side.
   */
  public static SegmentDelta delta(String segment, double[][] baselineMs, double[][] mitigationMs,
      CompareOptions options) {
    double[] pooledB = pooled(baselineMs);
    double[] pooledM = pooled(mitigationMs);
    double[] b = Percentiles.of(pooledB, 0.50, P95, 0.99);
    double[] m = Percentiles.of(pooledM, 0.50, P95, 0.99);
    double pct = deltaPct(b[1], m[1]);
    Optional<Interval> ci = Optional.empty();
    if (baselineMs.length >= IntervalData.MIN_REPS && mitigationMs.length >= IntervalData.MIN_REPS) {
      ci = Optional.of(HierarchicalBootstrap.percentileDelta(
          NestedSample.of(baselineMs, new int[baselineMs.length]),
          NestedSample.of(mitigationMs, new int[mitigationMs.length]), P95, options.resamples(),
          options.confidence(), options.seed()));
    }
    Optional<Verdict> verdict = ci.map(i -> Verdicts.latency(i, pct, options.noiseThresholdPct()));
    return new SegmentDelta(segment, Optional.of(b[0]), b[1], Optional.of(b[2]),
        Optional.of(m[0]), m[1], Optional.of(m[2]), deltaMs(b[1], m[1]), pct, ci, verdict);
  }

  private static double[] pooled(double[][] reps) {
    return java.util.Arrays.stream(reps).flatMapToDouble(java.util.Arrays::stream).toArray();
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
    for (Segment s : List.of(Segment.QUEUE_WAIT, Segment.RESPONSE)) {
      if (hasP95(baseline, s) && hasP95(mitigation, s)) {
        out.add(s);
      }
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
    double delta = deltaMs(b.p95(), m.p95());
    Optional<Interval> ci = data.percentileDeltaInterval(s, P95, delta);
    Optional<Verdict> verdict = verdict(ci, delta, pct, data, options);
    return new SegmentDelta(s.key(), Optional.ofNullable(b.p50Ms()), b.p95(),
        Optional.ofNullable(b.p99Ms()), Optional.ofNullable(m.p50Ms()), m.p95(),
        Optional.ofNullable(m.p99Ms()), delta, pct, ci, verdict);
  }

  private static ThroughputRatio throughput(ConfigResult baseline, ConfigResult mitigation,
      IntervalData data, CompareOptions options) {
    double r = ratio(baseline.transitionsPerS(), mitigation.transitionsPerS());
    Optional<Interval> ci = data.throughputInterval(r);
    Optional<Verdict> verdict = data.verdictWithheld().isPresent() ? Optional.empty()
        : ci.map(i -> Verdicts.throughput(i, r, options.noiseThresholdPct()));
    return new ThroughputRatio(baseline.transitionsPerS(), mitigation.transitionsPerS(), r, ci,
        verdict);
  }
}
