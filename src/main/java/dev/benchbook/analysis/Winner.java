package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.Verdict;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one "which one won?" rule that headlines, key insights, rankings, notebooks and the
 * catalog's {@code best-strategy} query all use.
 *
 * <p>A mitigation is judged against its baseline on what a phase sets out to cut: the wait for
 * the write lock (P95 lock_wait), starvation (workers below a tenth of their fair share) and
 * throughput. Only judged changes count: a P95 or a throughput ratio counts when its verdict
 * (from its bootstrap interval) says improved or regressed, never by its point estimate within
 * noise; starvation counts when the baseline starved workers and the mitigation starved none in
 * any repetition (or the reverse). A mitigation <em>wins</em> when it is atomic, improved at
 * least one goal and regressed none (lock_wait, fsm_net, throughput, starvation). Among winners
 * the one that improved more goals ranks first, then the larger judged cut of P95 lock_wait,
 * then the larger judged throughput ratio. Mitigations that did not win follow, fewest
 * regressions first, then most judged improvements, otherwise in the file's order; no figure
 * within noise orders anything.
 */
public final class Winner {

  /** What a phase sets out to cut (or raise), in the order a headline names them. */
  public enum Goal {
    /** P95 lock_wait. */
    WAIT("P95 lock_wait"),
    /** Workers below a tenth of their fair share. */
    STARVATION("starvation"),
    /** Committed transitions per second. */
    THROUGHPUT("throughput");

    private final String label;

    Goal(String label) {
      this.label = label;
    }

    /** How reports name the goal. */
    public String label() {
      return label;
    }
  }

  /** How a mitigation stands under the rule. */
  public enum Outcome {
    /** The first of the mitigations that won. */
    WON("won"),
    /** Improved a goal with no regression, but another ranked higher. */
    IMPROVED("improved"),
    /** Nothing judged better or worse. */
    WITHIN_NOISE("within noise"),
    /** At least one judged regression. */
    REGRESSED("regressed"),
    /** No verdict at all (no intervals: too few repetitions, or published figures). */
    NOT_JUDGED("not judged");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** How reports and the catalog write the outcome. */
    public String label() {
      return label;
    }
  }

  /**
   * One mitigation judged under the rule.
   *
   * @param comparison its comparison with the baseline
   * @param atomic whether its strategy keeps each transition atomic
   * @param improved goals with a judged improvement
   * @param regressed goals (and fsm_net, as {@link Goal#WAIT}'s end-to-end twin) that regressed
   * @param judged whether any verdict exists for it
   * @param place its place in the rule's order, from 1
   * @param outcome what the rule says of it
   */
  public record Standing(Comparison comparison, boolean atomic, List<Goal> improved,
      List<String> regressed, boolean judged, int place, Outcome outcome) {

    /** Copies the lists. */
    public Standing {
      improved = List.copyOf(improved);
      regressed = List.copyOf(regressed);
    }

    /** True when the rule lets it win: atomic, an improvement, no regression. */
    public boolean qualifies() {
      return atomic && regressed.isEmpty() && !improved.isEmpty();
    }

    private Standing at(int newPlace, Outcome newOutcome) {
      return new Standing(comparison, atomic, improved, regressed, judged, newPlace, newOutcome);
    }
  }

  private Winner() {
  }

  /**
   * Every comparison judged and ranked by the rule; {@code configs} finds a config by id (for
   * atomicity and starvation; a missing one counts as atomic with no fairness figures).
   */
  public static List<Standing> ranked(List<Comparison> comparisons,
      Function<String, Optional<ConfigResult>> configs) {
    List<Standing> judged = new ArrayList<>();
    for (Comparison c : comparisons) {
      judged.add(judge(c, configs.apply(c.baselineConfig()),
          configs.apply(c.mitigationConfig())));
    }
    List<Standing> order = new ArrayList<>(judged);
    order.sort(Comparator.comparing((Standing s) -> !s.qualifies())
        .thenComparingInt(s -> s.regressed().size())
        .thenComparingInt(s -> -s.improved().size())
        .thenComparingDouble(Winner::judgedWaitCutPct)
        .thenComparingDouble(s -> -judgedRatio(s)));
    List<Standing> out = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Standing s = order.get(i);
      out.add(s.at(i + 1, outcome(s, i == 0)));
    }
    return out;
  }

  /** The winner, when one mitigation won under the rule. */
  public static Optional<Standing> of(List<Comparison> comparisons,
      Function<String, Optional<ConfigResult>> configs) {
    return ranked(comparisons, configs).stream().filter(s -> s.outcome() == Outcome.WON)
        .findFirst();
  }

  private static Outcome outcome(Standing s, boolean first) {
    if (s.qualifies()) {
      return first ? Outcome.WON : Outcome.IMPROVED;
    }
    if (!s.regressed().isEmpty()) {
      return Outcome.REGRESSED;
    }
    return s.judged() ? Outcome.WITHIN_NOISE : Outcome.NOT_JUDGED;
  }

  private static Standing judge(Comparison c, Optional<ConfigResult> baseline,
      Optional<ConfigResult> mitigation) {
    List<Goal> improved = new ArrayList<>();
    List<String> regressed = new ArrayList<>();
    Optional<Verdict> wait = c.row(Segment.LOCK_WAIT).flatMap(SegmentDelta::verdict);
    Optional<Verdict> net = c.row(Segment.FSM_NET).flatMap(SegmentDelta::verdict);
    Optional<Verdict> tput = c.throughput().verdict();
    if (wait.orElse(null) == Verdict.IMPROVED) {
      improved.add(Goal.WAIT);
    }
    if (wait.orElse(null) == Verdict.REGRESSED) {
      regressed.add(Segment.LOCK_WAIT.key() + " P95");
    }
    if (net.orElse(null) == Verdict.REGRESSED) {
      regressed.add(Segment.FSM_NET.key() + " P95");
    }
    int starvedBefore = starved(baseline);
    int starvedAfter = starved(mitigation);
    if (starvedBefore > 0 && starvedAfter == 0) {
      improved.add(Goal.STARVATION);
    } else if (starvedBefore == 0 && starvedAfter > 0) {
      regressed.add("starvation");
    }
    if (tput.orElse(null) == Verdict.IMPROVED) {
      improved.add(Goal.THROUGHPUT);
    }
    if (tput.orElse(null) == Verdict.REGRESSED) {
      regressed.add("throughput");
    }
    boolean judged = wait.isPresent() || net.isPresent() || tput.isPresent();
    boolean atomic = mitigation.map(ConfigResult::atomic).orElse(true);
    return new Standing(c, atomic, improved, regressed, judged, 0, Outcome.NOT_JUDGED);
  }

  /** Starved workers in the worst repetition, or -1 when unknown. */
  private static int starved(Optional<ConfigResult> c) {
    return c.flatMap(ConfigResult::fairness).map(WorkerFairness::starvedWorkers).orElse(-1);
  }

  /** The judged P95 lock_wait change in % (negative is a cut), 0 when not judged improved. */
  private static double judgedWaitCutPct(Standing s) {
    return s.improved().contains(Goal.WAIT)
        ? s.comparison().row(Segment.LOCK_WAIT).map(SegmentDelta::deltaPct).orElse(0.0) : 0.0;
  }

  /** The throughput ratio when judged improved, else 1. */
  private static double judgedRatio(Standing s) {
    return s.improved().contains(Goal.THROUGHPUT) ? s.comparison().throughput().ratio() : 1.0;
  }
}
