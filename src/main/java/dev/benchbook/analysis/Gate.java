package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CI gate: did a chosen segment's P95 (or the throughput) regress, with its interval clear
 * of zero (the comparison's verdict) and by at least a minimum change?
 */
public final class Gate {

  /** The name that selects the throughput ratio among the segments. */
  public static final String THROUGHPUT = "throughput";

  private Gate() {
  }

  /**
   * What the gate found.
   *
   * @param regressions one line per regression that fails the gate
   * @param judged how many chosen figures had an interval and a verdict
   * @param unjudged one line per chosen figure without a verdict (not judged)
   */
  public record Result(List<String> regressions, int judged, List<String> unjudged) {

    /** Copies the lists. */
    public Result {
      regressions = List.copyOf(regressions);
      unjudged = List.copyOf(unjudged);
    }

    /** True when some chosen figure regressed. */
    public boolean failed() {
      return !regressions.isEmpty();
    }
  }

  /**
   * Judges the comparisons: {@code segments} names segment keys (e.g. {@code lock_wait_ms}) and
   * {@link #THROUGHPUT}; empty means every segment and the throughput.
   */
  public static Result check(List<Comparison> comparisons, Set<String> segments,
      double minDeltaPct) {
    if (!(minDeltaPct >= 0)) {
      throw new IllegalArgumentException("minimum delta must be >= 0 %, got " + minDeltaPct);
    }
    List<String> regressions = new ArrayList<>();
    List<String> unjudged = new ArrayList<>();
    int judged = 0;
    for (Comparison c : comparisons) {
      for (SegmentDelta row : c.segments()) {
        if (!segments.isEmpty() && !segments.contains(row.segment())) {
          continue;
        }
        if (row.verdict().isEmpty() || row.deltaCiMs().isEmpty()) {
          unjudged.add(c.mitigationConfig() + " " + row.segment() + ": no verdict");
          continue;
        }
        judged++;
        if (row.verdict().get() == Verdict.REGRESSED && row.deltaPct() >= minDeltaPct) {
          regressions.add(latencyLine(c, row));
        }
      }
      if (segments.isEmpty() || segments.contains(THROUGHPUT)) {
        ThroughputRatio t = c.throughput();
        if (t.verdict().isEmpty() || t.ci().isEmpty()) {
          unjudged.add(c.mitigationConfig() + " throughput: no verdict");
          continue;
        }
        judged++;
        double dropPct = -Comparisons.deltaPct(t.baselinePerS(), t.mitigationPerS());
        if (t.verdict().get() == Verdict.REGRESSED && dropPct >= minDeltaPct) {
          regressions.add(throughputLine(c, t, dropPct));
        }
      }
    }
    return new Result(regressions, judged, unjudged);
  }

  private static String latencyLine(Comparison c, SegmentDelta row) {
    Interval ci = row.deltaCiMs().orElseThrow();
    return String.format(Locale.ROOT, "%s %s P95 regressed %+.1f%% (%s to %s ms; %.0f%% CI of "
        + "delta %+.4g to %+.4g ms)", c.mitigationConfig(), row.segment(), row.deltaPct(),
        Contention.ms(row.baselineP95Ms()), Contention.ms(row.mitigationP95Ms()),
        100 * ci.level(), ci.low(), ci.high());
  }

  private static String throughputLine(Comparison c, ThroughputRatio t, double dropPct) {
    Interval ci = t.ci().orElseThrow();
    return String.format(Locale.ROOT, "%s throughput regressed -%.1f%% (%,.0f to %,.0f trans/s; "
        + "ratio %.3fx, %.0f%% CI %.3fx to %.3fx)", c.mitigationConfig(), dropPct,
        t.baselinePerS(), t.mitigationPerS(), t.ratio(), 100 * ci.level(), ci.low(), ci.high());
  }
}
