package dev.benchbook.analysis;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.Segment;
import dev.benchbook.results.SegmentStats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a comparison can build intervals from: raw rows, repetitions, or nothing; and why. */
final class IntervalData {

  /** Fewest repetitions per side for a repetition bootstrap. */
  static final int MIN_REPS = 3;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final ConfigResult baseline;
  private final ConfigResult mitigation;
  private final Optional<ConfigRows> baselineRows;
  private final Optional<ConfigRows> mitigationRows;

  private IntervalData(ConfigResult baseline, ConfigResult mitigation, CompareOptions options) {
    this.baseline = baseline;
    this.mitigation = mitigation;
    this.baselineRows = options.baselineRows();
    this.mitigationRows = options.mitigationRows();
  }

  static IntervalData of(ConfigResult baseline, ConfigResult mitigation, CompareOptions options) {
    if (options.baselineRows().isPresent() != options.mitigationRows().isPresent()) {
      throw new IllegalArgumentException("raw rows must be given for both configs or neither");
    }
    checkRows(options.baselineRows(), baseline, "baseline");
    checkRows(options.mitigationRows(), mitigation, "mitigation");
    return new IntervalData(baseline, mitigation, options);
  }

  private static void checkRows(Optional<ConfigRows> rows, ConfigResult config, String side) {
    if (rows.isPresent() && !rows.get().configId().equals(config.id())) {
      throw new IllegalArgumentException(side + " raw rows are for config '"
          + rows.get().configId() + "' but the " + side + " config is '" + config.id() + "'");
    }
  }

  boolean hasRows() {
    return baselineRows.isPresent();
  }

  Optional<Interval> p95DeltaInterval(Segment s, CompareOptions options) {
    long seed = options.seed() + GOLDEN * (s.ordinal() + 1);
    if (hasRows()) {
      double[] b = samples(baselineRows.get(), s);
      double[] m = samples(mitigationRows.get(), s);
      if (b.length == 0 || m.length == 0) {
        return Optional.empty();
      }
      return Optional.of(Bootstrap.percentileDeltaInterval(b, m, Comparisons.P95,
          options.resamples(), options.confidence(), seed));
    }
    Optional<double[]> b = repP95s(baseline, s);
    Optional<double[]> m = repP95s(mitigation, s);
    if (b.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Bootstrap.meanDeltaInterval(b.get(), m.get(), options.resamples(),
        options.confidence(), seed, "percentile-bootstrap/rep-p95s"));
  }

  Optional<Interval> throughputInterval(CompareOptions options) {
    Optional<double[]> b = repRates(baseline);
    Optional<double[]> m = repRates(mitigation);
    if (b.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    long seed = options.seed() + GOLDEN * (Segment.values().length + 1);
    return Optional.of(Bootstrap.meanRatioInterval(b.get(), m.get(), options.resamples(),
        options.confidence(), seed, "percentile-bootstrap/repetitions"));
  }

  /** One sentence: which intervals exist, how they were made, and why any are missing. */
  String describe(CompareOptions options) {
    boolean repsOk = perRep(baseline) >= MIN_REPS && perRep(mitigation) >= MIN_REPS;
    if (!hasRows() && !repsOk) {
      return "no intervals: " + repsPhrase() + " and no raw rows; need >= " + MIN_REPS
          + " repetitions or raw rows";
    }
    String latency = hasRows()
        ? "P95 deltas by percentile bootstrap over raw committed rows"
        : "P95 deltas by percentile bootstrap over per-repetition P95s (" + perRep(baseline)
            + " vs " + perRep(mitigation) + " repetitions)";
    String rate = repsOk
        ? "throughput ratio by percentile bootstrap over repetitions (" + perRep(baseline)
            + " vs " + perRep(mitigation) + ")"
        : "no interval for the throughput ratio: " + repsPhrase() + "; need >= " + MIN_REPS;
    return String.format(Locale.ROOT, "%s; %s; %d resamples, seed %d, %s%% level", latency, rate,
        options.resamples(), options.seed(), pct(options.confidence()));
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

  private static double[] samples(ConfigRows rows, Segment s) {
    return SegmentStatsCalculator.samplesMs(rows.rows(), rows.configCode(), s);
  }

  private static Optional<double[]> repP95s(ConfigResult c, Segment s) {
    List<RepResult> reps = c.repetitions();
    if (reps.size() < MIN_REPS) {
      return Optional.empty();
    }
    double[] out = new double[reps.size()];
    for (int i = 0; i < out.length; i++) {
      SegmentStats stats = reps.get(i).segments().get(s.key());
      if (stats == null || stats.p95Ms() == null) {
        return Optional.empty();
      }
      out[i] = stats.p95Ms();
    }
    return Optional.of(out);
  }

  private static Optional<double[]> repRates(ConfigResult c) {
    List<RepResult> reps = c.repetitions();
    if (reps.size() < MIN_REPS) {
      return Optional.empty();
    }
    return Optional.of(reps.stream().mapToDouble(RepResult::transitionsPerS).toArray());
  }
}
