package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.analysis.Winner;
import dev.benchbook.charts.ChartStyle;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Sentences computed from the data: headline and key insight of a report. */
public final class Insights {

  private Insights() {
  }

  /** The headline of one comparison, judged alone by the one rule ({@link Winner}). */
  public static String headline(Comparison c) {
    return headline(List.of(c), id -> Optional.empty());
  }

  /**
   * The headline of a mitigation run: the winner under the one rule ({@link Winner}) and the
   * judged figures it won by; or, when none won, that no strategy won beyond noise (or that
   * nothing could be judged), with the figures of the one comparison when there is one.
   */
  public static String headline(List<Comparison> comparisons,
      Function<String, Optional<ConfigResult>> configs) {
    List<Winner.Standing> ranked = Winner.ranked(comparisons, configs);
    Winner.Standing first = ranked.get(0);
    Comparison c = first.comparison();
    if (first.outcome() == Winner.Outcome.WON) {
      return c.mitigationConfig() + " wins at " + c.baselineConfig() + ", judged better on "
          + goals(first.improved()) + ": " + figures(c, configs);
    }
    boolean judged = ranked.stream().anyMatch(Winner.Standing::judged);
    if (!judged) {
      return (ranked.size() == 1 ? c.mitigationConfig() + " at " + c.baselineConfig()
          + ", not judged (no intervals): " + figures(c, configs)
          : ranked.size() + " strategies at " + c.baselineConfig() + ", not judged (no "
          + "intervals)");
    }
    return "No strategy won at " + c.baselineConfig() + ": none was judged better on P95 "
        + "lock_wait, starvation or throughput without a regression" + (ranked.size() == 1
        ? "; " + c.mitigationConfig() + ": " + figures(c, configs)
        : " (" + ranked.size() + " compared)");
  }

  /**
   * The key insight of a mitigation run: is the write lock the bottleneck, does a low P95 hide
   * starvation or a tail, and which strategy won under the one rule ({@link Winner}).
   */
  public static String keyInsight(ConfigResult baseline, List<Comparison> comparisons) {
    return keyInsight(baseline, comparisons, id -> Optional.empty());
  }

  /** The same, with the run's configs (for atomicity and starvation). */
  public static String keyInsight(ConfigResult baseline, List<Comparison> comparisons,
      Function<String, Optional<ConfigResult>> configs) {
    StringBuilder sb = new StringBuilder();
    Contention.lockShare(baseline).ifPresent(share -> sb.append(shareSentence(baseline, share)));
    Contention.publishedP95Ratio(baseline).ifPresent(r -> sb.append(String.format(Locale.ROOT,
        "lock_wait is %.0f%% of db_total at P95 at %s (published P95s only, not a share of "
        + "time), so the write lock %s the bottleneck.", 100 * r, baseline.id(),
        Contention.bottleneck(r) ? "is" : "is not")));
    Contention.hiddenByP95(baseline).ifPresent(s -> append(sb, s));
    if (!comparisons.isEmpty()) {
      append(sb, verdictSentence(Winner.ranked(comparisons, configs)));
    }
    return sb.toString();
  }

  /** Who won, and how every other strategy stood, in one or two sentences. */
  private static String verdictSentence(List<Winner.Standing> ranked) {
    StringBuilder sb = new StringBuilder();
    Winner.Standing first = ranked.get(0);
    if (first.outcome() == Winner.Outcome.WON) {
      sb.append("Winner: ").append(first.comparison().mitigationConfig())
          .append(", judged better on ").append(goals(first.improved())).append(" with no "
          + "regression.");
      first.comparison().row(Segment.FSM_NET).map(Insights::tailWarning)
          .filter(w -> !w.isEmpty()).ifPresent(sb::append);
    } else if (ranked.stream().anyMatch(Winner.Standing::judged)) {
      sb.append("No strategy won: none was judged better on P95 lock_wait, starvation or "
          + "throughput without a regression.");
    } else {
      sb.append("No strategy is judged: the comparisons have no intervals.");
    }
    List<String> others = new ArrayList<>();
    for (Winner.Standing s : ranked) {
      if (s == first && first.outcome() == Winner.Outcome.WON) {
        continue;
      }
      others.add(s.comparison().mitigationConfig() + " " + standing(s));
    }
    if (!others.isEmpty() && ranked.stream().anyMatch(Winner.Standing::judged)) {
      sb.append(first.outcome() == Winner.Outcome.WON ? " Others: " : " ")
          .append(String.join("; ", others)).append('.');
    }
    return sb.toString();
  }

  /** How a non-winning strategy stood, e.g. {@code improved throughput} or {@code regressed}. */
  static String standing(Winner.Standing s) {
    return switch (s.outcome()) {
      case WON -> "won (" + goals(s.improved()) + ")";
      case IMPROVED -> "improved " + goals(s.improved()) + (s.atomic() ? "" : " (NOT ATOMIC)");
      case REGRESSED -> "regressed (" + String.join(", ", s.regressed()) + ")";
      case WITHIN_NOISE -> s.atomic() || s.improved().isEmpty() ? "within noise"
          : "improved " + goals(s.improved()) + " but is NOT ATOMIC";
      case NOT_JUDGED -> "not judged";
    };
  }

  /** Goals as words: {@code P95 lock_wait and throughput}. */
  static String goals(List<Winner.Goal> goals) {
    List<String> words = goals.stream().map(Winner.Goal::label).toList();
    if (words.size() <= 1) {
      return words.isEmpty() ? "nothing" : words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and "
        + words.get(words.size() - 1);
  }

  /**
   * The comparison's figures: P95 lock_wait before and after (digits enough to show the
   * change), its change and verdict, starved workers when they changed, the throughput ratio.
   */
  private static String figures(Comparison c, Function<String, Optional<ConfigResult>> configs) {
    SegmentDelta row = c.row(Segment.LOCK_WAIT).orElse(c.segments().get(0));
    String[] pair = Digits.pair(row.baselineP95Ms(), row.mitigationP95Ms());
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "P95 %s %s ms to %s ms "
        + "(%+.1f%%%s)", row.segment().replace("_ms", ""), pair[0], pair[1], row.deltaPct(),
        row.verdict().map(v -> ", " + v.label()).orElse("")));
    Optional<WorkerFairness> before = configs.apply(c.baselineConfig())
        .flatMap(ConfigResult::fairness);
    Optional<WorkerFairness> after = configs.apply(c.mitigationConfig())
        .flatMap(ConfigResult::fairness);
    if (before.isPresent() && after.isPresent()
        && before.get().starvedWorkers() != after.get().starvedWorkers()) {
      sb.append(String.format(Locale.ROOT, "; starved workers %d to %d",
          before.get().starvedWorkers(), after.get().starvedWorkers()));
    }
    sb.append("; throughput ").append(ChartStyle.ratio(c.throughput().ratio()))
        .append(c.throughput().verdict().map(v -> " (" + v.label() + ")").orElse(""));
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
      String[] pair = Digits.pair(before, after);
      return " Its P99 fsm_net rose, though: " + pair[0] + " ms to " + pair[1] + " ms.";
    }
    return "";
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
