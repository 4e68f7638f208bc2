package dev.benchbook.analysis;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a comparison can build intervals from (raw rows nested in repetitions and forks,
 * per-repetition results, or nothing), whether the data can support a verdict, and why not.
 */
final class IntervalData {

  /** Fewest repetitions per side for an interval and a verdict. */
  static final int MIN_REPS = 3;
  /**
   * Fewest forks (JVMs) per side for a verdict between two separate runs: the JVM-to-JVM
   * variation that separates two runs is inside the interval only when each side was measured
   * in several JVMs (docs/STATISTICS.md, A/A across runs).
   */
  static final int MIN_FORKS_ACROSS_RUNS = 3;
  /** Method label of P95-delta intervals made from per-repetition P95s (no raw rows). */
  static final String REP_P95S_METHOD = "hierarchical-bootstrap-t/rep-p95s";
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final ConfigResult baseline;
  private final ConfigResult mitigation;
  private final CompareOptions options;
  private final List<String> setupDifferences;
  private final List<String> workloadDifferences;
  private final boolean acrossRuns;

  private IntervalData(ConfigResult baseline, ConfigResult mitigation, CompareOptions options,
      List<String> workloadDifferences) {
    this.baseline = baseline;
    this.mitigation = mitigation;
    this.options = options;
    this.workloadDifferences = workloadDifferences;
    this.setupDifferences = options.baselineManifest().isPresent()
        && options.mitigationManifest().isPresent()
        ? SetupDiff.differences(options.baselineManifest().get(),
            options.mitigationManifest().get())
        : List.of();
    this.acrossRuns = options.baselineManifest().isPresent()
        && options.mitigationManifest().isPresent()
        && !options.baselineManifest().get().equals(options.mitigationManifest().get());
  }

  static IntervalData of(ConfigResult baseline, ConfigResult mitigation, CompareOptions options,
      List<String> workloadDifferences) {
    if (options.baselineRows().isPresent() != options.mitigationRows().isPresent()) {
      throw new IllegalArgumentException("raw rows must be given for both configs or neither");
    }
    checkRows(options.baselineRows(), baseline, "baseline");
    checkRows(options.mitigationRows(), mitigation, "mitigation");
    return new IntervalData(baseline, mitigation, options, workloadDifferences);
  }

  private static void checkRows(Optional<ConfigRows> rows, ConfigResult config, String side) {
    if (rows.isPresent() && !rows.get().configId().equals(config.id())) {
      throw new IllegalArgumentException(side + " raw rows are for config '"
          + rows.get().configId() + "' but the " + side + " config is '" + config.id() + "'");
    }
  }

  boolean hasRows() {
    return options.baselineRows().isPresent();
  }

  /** True when both sides have at least {@link #MIN_REPS} per-repetition results. */
  boolean enoughReps() {
    return perRep(baseline) >= MIN_REPS && perRep(mitigation) >= MIN_REPS;
  }

  /** Why verdicts are withheld although intervals exist (machines, JVMs or workloads differ). */
  Optional<String> verdictWithheld() {
    if (!setupDifferences.isEmpty()) {
      return Optional.of("no verdicts: the two runs' machines or JVMs differ ("
          + String.join("; ", setupDifferences) + "), which no interval of one run's noise "
          + "covers");
    }
    if (!workloadDifferences.isEmpty()) {
      return Optional.of("no verdicts: the workloads differ (compared with --force)");
    }
    if (tooFewForksAcrossRuns()) {
      return Optional.of("no verdicts: the two configs come from separate runs and "
          + forkCounts() + ", so the JVM-to-JVM variation that separates two runs is not inside "
          + "the intervals; a verdict across runs needs >= " + MIN_FORKS_ACROSS_RUNS
          + " forks per config on both sides (measure with --forks "
          + MIN_FORKS_ACROSS_RUNS + " or more)");
    }
    return Optional.empty();
  }

  /** True when the two sides are separate runs and either ran in fewer JVMs than needed. */
  boolean tooFewForksAcrossRuns() {
    return acrossRuns
        && Math.min(forks(baseline), forks(mitigation)) < MIN_FORKS_ACROSS_RUNS;
  }

  private String forkCounts() {
    int b = forks(baseline);
    int m = forks(mitigation);
    return b == m ? "each ran in " + plural(b, "JVM") + " (fork" + (b == 1 ? ")" : "s)")
        : "they ran in " + b + " vs " + m + " JVMs (forks)";
  }

  List<String> setupDifferences() {
    return setupDifferences;
  }

  Optional<Double> noiseFloorMs() {
    return NoiseFloor.ms(options.baselineManifest(), options.mitigationManifest());
  }

  /**
   * Interval of the delta of percentile {@code p} of segment {@code s} around
   * {@code estimate}: from raw rows by the hierarchical bootstrap, else (P95 only) from the
   * per-repetition P95s; empty with fewer than {@link #MIN_REPS} repetitions a side.
   */
  Optional<Interval> percentileDeltaInterval(Segment s, double p, double estimate) {
    if (!enoughReps()) {
      return Optional.empty();
    }
    long seed = options.seed() + GOLDEN * seedSlot(s) + Double.hashCode(p);
    if (hasRows()) {
      NestedSample b = nested(options.baselineRows().get(), baseline, s);
      NestedSample m = nested(options.mitigationRows().get(), mitigation, s);
      if (b == null || m == null || b.topLevelUnits() < 2 || m.topLevelUnits() < 2) {
        return Optional.empty();
      }
      Interval ci = HierarchicalBootstrap.percentileDelta(b, m, p, options.resamples(),
          options.confidence(), seed);
      double shift = estimate - (HierarchicalBootstrap.pooledPercentile(m, p)
          - HierarchicalBootstrap.pooledPercentile(b, p));
      return Optional.of(new Interval(ci.low() + shift, ci.high() + shift, ci.level(),
          ci.resamples(), ci.method()));
    }
    if (p != Comparisons.P95) {
      return Optional.empty();
    }
    Optional<NestedSample> b = repP95s(baseline, s);
    Optional<NestedSample> m = repP95s(mitigation, s);
    if (b.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(HierarchicalBootstrap.meanDelta(b.get(), m.get(), estimate,
        options.resamples(), options.confidence(), seed, REP_P95S_METHOD));
  }

  /**
   * The throughput's seed slot: it followed the five segments of the first results format, and
   * keeps that slot so that adding a segment changes no earlier interval.
   */
  private static final int THROUGHPUT_SLOT = 6;

  /** A segment's seed slot: 1-5 for the first five, after the throughput's for later ones. */
  private static int seedSlot(Segment s) {
    return s.ordinal() + 1 < THROUGHPUT_SLOT ? s.ordinal() + 1 : s.ordinal() + 2;
  }

  /** Interval of the throughput ratio from per-repetition log rates, around {@code ratio}. */
  Optional<Interval> throughputInterval(double ratio) {
    if (!enoughReps()) {
      return Optional.empty();
    }
    long seed = options.seed() + GOLDEN * THROUGHPUT_SLOT;
    return Optional.of(HierarchicalBootstrap.logRatio(logRates(baseline), logRates(mitigation),
        ratio, options.resamples(), options.confidence(), seed));
  }

  /** One sentence: how the intervals were made, or why there are none; and any floor. */
  String describe() {
    if (!enoughReps()) {
      return "no intervals and no verdicts: " + repsPhrase() + "; a verdict needs >= "
          + MIN_REPS + " repetitions per config (with fewer, how much results vary from one "
          + "repetition to the next, the largest source of noise, cannot be seen)";
    }
    String units = forksPhrase() + perRep(baseline) + " vs " + perRep(mitigation)
        + " repetitions";
    String latency = hasRows()
        ? "P95 deltas by hierarchical bootstrap (" + units + ", then rows within each)"
        : "P95 deltas by bootstrap over per-repetition P95s (" + units + "; no raw rows)";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s; throughput ratio by "
        + "bootstrap over per-repetition log rates; standard errors with a small-sample (Welch t) "
        + "correction; %d resamples, seed %d, %s%% level", latency, options.resamples(),
        options.seed(), pct(options.confidence())));
    noiseFloorMs().ifPresent(f -> sb.append(String.format(Locale.ROOT,
        "; deltas under %.4f ms (%d clock reads) are within noise", f, NoiseFloor.CLOCK_READS)));
    verdictWithheld().ifPresent(w -> sb.append("; ").append(w));
    return sb.toString();
  }

  private String forksPhrase() {
    int b = forks(baseline);
    int m = forks(mitigation);
    if (b <= 1 && m <= 1) {
      return "";
    }
    return (b == m ? b + " forks, " : b + " vs " + m + " forks, ");
  }

  private static int forks(ConfigResult c) {
    return (int) Math.max(1,
        c.repetitions().stream().map(RepResult::forkIndex).distinct().count());
  }

  private String repsPhrase() {
    int b = declared(baseline);
    int m = declared(mitigation);
    String phrase = b == m ? plural(b, "repetition") + " per config"
        : "baseline has " + plural(b, "repetition") + ", mitigation " + m;
    boolean missing = (b >= MIN_REPS && perRep(baseline) < MIN_REPS)
        || (m >= MIN_REPS && perRep(mitigation) < MIN_REPS);
    return missing ? phrase + " without per-repetition results" : phrase;
  }

  private static int perRep(ConfigResult c) {
    return c.repetitions().size();
  }

  private static int declared(ConfigResult c) {
    return Math.max(c.reps(), c.repetitions().size());
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String pct(double level) {
    return java.math.BigDecimal.valueOf(level * 100).stripTrailingZeros().toPlainString();
  }

  /** The segment's rows of each repetition nested in forks; null when no repetition has rows. */
  private static NestedSample nested(ConfigRows rows, ConfigResult c, Segment s) {
    List<RepResult> reps = c.repetitions();
    int[] repIds = reps.stream().mapToInt(RepResult::rep).toArray();
    int[] forks = reps.stream().mapToInt(RepResult::forkIndex).toArray();
    double[][] values = SegmentStatsCalculator.samplesMsByRep(rows.rows(), rows.configCode(), s,
        repIds);
    for (double[] v : values) {
      if (v.length > 0) {
        return NestedSample.of(values, forks);
      }
    }
    return null;
  }

  private static Optional<NestedSample> repP95s(ConfigResult c, Segment s) {
    List<RepResult> reps = c.repetitions();
    List<double[]> values = new ArrayList<>();
    for (RepResult r : reps) {
      SegmentStats stats = r.segments().get(s.key());
      if (stats == null || stats.p95Ms() == null) {
        return Optional.empty();
      }
      values.add(new double[] {stats.p95Ms()});
    }
    return Optional.of(NestedSample.of(values.toArray(double[][]::new), forksOf(reps)));
  }

  private static NestedSample logRates(ConfigResult c) {
    List<RepResult> reps = c.repetitions();
    double[][] values = new double[reps.size()][];
    for (int i = 0; i < values.length; i++) {
      double rate = reps.get(i).transitionsPerS();
      if (!(rate > 0)) {
        throw new IllegalArgumentException("config " + c.id() + " repetition "
            + reps.get(i).rep() + " has no positive rate: " + rate + " transitions/s");
      }
      values[i] = new double[] {Math.log(rate)};
    }
    return NestedSample.of(values, forksOf(reps));
  }

  private static int[] forksOf(List<RepResult> reps) {
    return reps.stream().mapToInt(RepResult::forkIndex).toArray();
  }
}
