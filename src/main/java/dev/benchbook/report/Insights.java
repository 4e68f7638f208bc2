package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.charts.ChartStyle;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.rows.Segment;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Sentences computed from the data: headline and key insight of a report. */
public final class Insights {

  private Insights() {
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
   * The key insight of a mitigation run: is the write lock the bottleneck, does a low P95 hide
   * starvation or a tail, and what helped.
   */
  public static String keyInsight(ConfigResult baseline, List<Comparison> comparisons) {
    StringBuilder sb = new StringBuilder();
    Contention.lockShare(baseline).ifPresent(share -> sb.append(shareSentence(baseline, share)));
    Contention.publishedP95Ratio(baseline).ifPresent(r -> sb.append(String.format(Locale.ROOT,
        "lock_wait is %.0f%% of db_total at P95 at %s (published P95s only, not a share of "
        + "time), so the write lock %s the bottleneck.", 100 * r, baseline.id(),
        Contention.bottleneck(r) ? "is" : "is not")));
    Contention.hiddenByP95(baseline).ifPresent(s -> append(sb, s));
    if (!comparisons.isEmpty()) {
      Comparison lead = Contention.lead(comparisons);
      lead.row(Segment.FSM_NET).ifPresent(r -> append(sb, String.format(Locale.ROOT,
          "Lowest P95 fsm_net: %s (%.2f ms, %+.1f%%).", lead.mitigationConfig(),
          r.mitigationP95Ms(), r.deltaPct()) + tailWarning(r)));
      append(sb, throughputSentence(comparisons));
    }
    return sb.toString();
  }

  /** E.g. "lock_wait is 98% of DB time at c16-fast, so the write lock is the bottleneck." */
  private static String shareSentence(ConfigResult c, double share) {
    return String.format(Locale.ROOT, "lock_wait is %.0f%% of DB time at %s (mean lock_wait / "
        + "mean db_total), so the write lock %s the bottleneck.", 100 * share, c.id(),
        Contention.bottleneck(share) ? "is" : "is not");
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

  /** The one-line headline of a matrix run: the most contended config and why. */
  public static String matrixHeadline(List<ConfigResult> configs) {
    if (configs.stream().noneMatch(c -> c.segments().containsKey(Segment.LOCK_WAIT.key()))) {
      return "No lock_wait data.";
    }
    return "The most contended config is " + Contention.why(Contention.mitigationTarget(configs))
        + ".";
  }

  /**
   * The key insight of a matrix run: the most contended config by the contention score, why,
   * and what its P95 hides.
   */
  public static String matrixInsight(List<ConfigResult> configs) {
    if (configs.stream().noneMatch(c -> c.segments().containsKey(Segment.LOCK_WAIT.key()))) {
      return "No lock_wait data.";
    }
    ConfigResult w = Contention.mitigationTarget(configs);
    StringBuilder sb = new StringBuilder("The most contended config is " + Contention.why(w)
        + ".");
    Contention.lockShare(w).ifPresent(share -> append(sb, shareSentence(w, share)));
    Contention.hiddenByP95(w).ifPresent(s -> append(sb, s));
    return sb.toString();
  }
}
