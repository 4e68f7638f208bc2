package dev.benchbook.report;

import dev.benchbook.charts.ChartStyle;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Segment;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Sentences computed from the data: headline and key insight of a report. */
public final class Insights {

  /** lock_wait share of db_total above which the write lock is called the bottleneck. */
  public static final double BOTTLENECK_SHARE = 0.5;

  private Insights() {
  }

  /** P95 lock_wait as a share of P95 db_total, when both are present and db_total > 0. */
  public static Optional<Double> lockShare(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    SegmentStats db = c.segments().get(Segment.DB_TOTAL.key());
    if (lw == null || db == null || lw.p95Ms() == null || db.p95Ms() == null
        || db.p95Ms() <= 0) {
      return Optional.empty();
    }
    return Optional.of(lw.p95Ms() / db.p95Ms());
  }

  /** The headline of a comparison: the lock_wait (or first) row's P95 change and the ratio. */
  public static String headline(Comparison c) {
    SegmentDelta row = c.row(Segment.LOCK_WAIT).orElse(c.segments().get(0));
    String verb = row.deltaMs() <= 0 ? "reduces" : "increases";
    return String.format(Locale.ROOT, "%s %s %s P95 by %.1f%% (%.2f ms to %.2f ms) at %s; "
        + "throughput %s%s", c.mitigationConfig(), verb, row.segment(),
        Math.abs(row.deltaPct()), row.baselineP95Ms(), row.mitigationP95Ms(), c.baselineConfig(),
        ChartStyle.ratio(c.throughput().ratio()), c.throughput().verdict().map(v -> " (" + v.label() + ")")
            .orElse(""));
  }

  /**
   * The comparison a report leads with: the lowest mitigation P95 fsm_net (end-to-end latency
   * without the API), or the first comparison when no row has fsm_net.
   */
  public static Comparison lead(List<Comparison> comparisons) {
    return comparisons.stream().filter(c -> c.row(Segment.FSM_NET).isPresent())
        .min(Comparator.comparingDouble(c -> c.row(Segment.FSM_NET).get().mitigationP95Ms()))
        .orElse(comparisons.get(0));
  }

  /** The key insight of a mitigation run: is the write lock the bottleneck, and what helped. */
  public static String keyInsight(ConfigResult baseline, List<Comparison> comparisons) {
    StringBuilder sb = new StringBuilder();
    Optional<Double> share = lockShare(baseline);
    if (share.isPresent()) {
      boolean bottleneck = share.get() >= BOTTLENECK_SHARE;
      sb.append(String.format(Locale.ROOT, "lock_wait is %.0f%% of db_total (P95) at %s, so the "
          + "write lock %s the bottleneck.", 100 * share.get(), baseline.id(),
          bottleneck ? "is" : "is not"));
    }
    if (!comparisons.isEmpty()) {
      Comparison lead = lead(comparisons);
      lead.row(Segment.FSM_NET).ifPresent(r -> append(sb, String.format(Locale.ROOT,
          "Lowest P95 fsm_net: %s (%.2f ms, %+.1f%%).", lead.mitigationConfig(),
          r.mitigationP95Ms(), r.deltaPct()) + tailWarning(r)));
      append(sb, throughputSentence(comparisons));
    }
    return sb.toString();
  }

  /** A clause when the P99 moved against the P95: a better P95 can hide a worse tail. */
  private static String tailWarning(SegmentDelta r) {
    if (r.baselineP99Ms().isEmpty() || r.mitigationP99Ms().isEmpty()) {
      return "";
    }
    double before = r.baselineP99Ms().get();
    double after = r.mitigationP99Ms().get();
    boolean p95Better = r.deltaMs() < 0;
    if (p95Better && after > before) {
      return String.format(Locale.ROOT, " Its P99 fsm_net rose, though: %.2f ms to %.2f ms.",
          before, after);
    }
    return "";
  }

  private static String throughputSentence(List<Comparison> comparisons) {
    Comparison best = comparisons.stream()
        .max(Comparator.comparingDouble(c -> c.throughput().ratio())).orElseThrow();
    boolean judged = comparisons.stream().allMatch(c -> c.throughput().verdict().isPresent());
    boolean anyImproved = comparisons.stream().anyMatch(c -> c.throughput().verdict()
        .filter(v -> v == dev.benchbook.results.Verdict.IMPROVED).isPresent());
    if (judged && !anyImproved) {
      return "No strategy raised throughput beyond noise (best ratio "
          + String.format(Locale.ROOT, "%.2fx", best.throughput().ratio()) + ", "
          + best.mitigationConfig() + ").";
    }
    return String.format(Locale.ROOT, "Best throughput: %s at %s the baseline%s.",
        best.mitigationConfig(), ChartStyle.ratio(best.throughput().ratio()), best.throughput().ci()
            .map(ci -> String.format(Locale.ROOT, " (%.0f%% CI %.2fx to %.2fx)",
                100 * ci.level(), ci.low(), ci.high())).orElse(""));
  }

  private static void append(StringBuilder sb, String sentence) {
    sb.append(sb.length() > 0 ? " " : "").append(sentence);
  }

  /**
   * The config a phase mitigates: the highest P95 lock_wait among configs with more than one
   * worker that were not duration-bounded (so repetitions stay short), else among all configs.
   */
  public static ConfigResult mitigationTarget(List<ConfigResult> configs) {
    Comparator<ConfigResult> byLockWait = Comparator.comparingDouble(
        c -> c.segment(Segment.LOCK_WAIT).p95());
    return configs.stream().filter(c -> c.concurrency() > 1 && !c.durationBounded())
        .max(byLockWait).orElseGet(() -> configs.stream().max(byLockWait).orElseThrow());
  }

  /**
   * A warning naming every config whose strategy is not atomic per transition, when there is
   * one: such numbers are not comparable with atomic strategies.
   */
  public static Optional<String> atomicityWarning(List<ConfigResult> configs) {
    List<String> ids = configs.stream().filter(c -> !c.atomic()).map(ConfigResult::id).toList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("NOT ATOMIC: " + String.join(", ", ids)
        + (ids.size() == 1 ? " interleaves" : " interleave") + " the workers' "
        + "statements in one shared transaction (the seed's setup): one worker's COMMIT commits "
        + "the others' pending statements and a ROLLBACK undoes them, so throughput includes "
        + "accidental group commit and transitions can be lost. Not a valid mitigation.");
  }

  /** The key insight of a matrix run: where lock_wait dominates db_total. */
  public static String matrixInsight(List<ConfigResult> configs) {
    Optional<ConfigResult> worst = configs.stream().filter(c -> lockShare(c).isPresent())
        .max(Comparator.comparingDouble(c -> c.segment(Segment.LOCK_WAIT).p95()));
    if (worst.isEmpty()) {
      return "No lock_wait data.";
    }
    ConfigResult w = worst.get();
    double share = lockShare(w).orElseThrow();
    return String.format(Locale.ROOT, "The most contended config is %s: P95 lock_wait %.2f ms, "
        + "%.0f%% of P95 db_total (%.2f ms); the write lock %s the bottleneck there.", w.id(),
        w.segment(Segment.LOCK_WAIT).p95(), 100 * share, w.segment(Segment.DB_TOTAL).p95(),
        share >= BOTTLENECK_SHARE ? "is" : "is not");
  }
}
