package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.SeedFigures;
import dev.benchbook.analysis.Winner;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import dev.benchbook.results.WorkerFairness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headline, key insight and ranking all name the winner of the one rule (analysis.Winner). */
class InsightsTest {

  private static final Path SEED = SeedFigures.FILE;

  @Test
  void seedHeadlineAndInsightSayItsPublishedFiguresAreNotJudged() {
    RunFile f = ResultsReader.read(SEED).run();
    Comparison c = f.comparison().orElseThrow();
    assertEquals("c10-zero-shared-connection at c10-zero, not judged (no intervals): P95 "
        + "lock_wait 40.6 ms to 0.770 ms (-98.1%); throughput 8.7x", Insights.headline(c));
    assertEquals("lock_wait is 99% of db_total at P95 at c10-zero (published P95s only, not a "
        + "share of time), so the write lock is the bottleneck. No strategy is judged: the "
        + "comparisons have no intervals.",
        Insights.keyInsight(f.baseline().orElseThrow(), List.of(c)));
  }

  private static SegmentDelta row(String segment, double before, double after, Verdict v) {
    return new SegmentDelta(segment, Optional.empty(), before, Optional.empty(),
        Optional.empty(), after, Optional.empty(), after - before,
        100 * (after - before) / before, Optional.of(new Interval(-1, 1, 0.95, 1000, "test")),
        Optional.of(v));
  }

  private static Comparison judged(String id, double lockWaitMs, Verdict wait, double netMs,
      double ratio, Verdict tput) {
    ThroughputRatio t = new ThroughputRatio(1000, 1000 * ratio, ratio,
        Optional.of(new Interval(ratio - 0.05, ratio + 0.05, 0.95, 2000, "test")),
        Optional.of(tput));
    return new Comparison("c10-zero", id, List.of(row("lock_wait_ms", 0.0137, lockWaitMs, wait),
        row("fsm_net_ms", 0.20, netMs, Verdict.WITHIN_NOISE)), t, "test", 1.0, List.of());
  }

  /**
   * The run the issue describes: the strategy with the lowest P95s is within noise everywhere
   * (and its lock_wait rose 20% within noise), another one raised throughput 3.1x, judged.
   */
  private static List<Comparison> lowestP95WithinNoiseAnotherJudgedBetter() {
    return List.of(
        judged("c10-zero-shared-connection", 0.0164, Verdict.WITHIN_NOISE, 0.05, 0.71,
            Verdict.WITHIN_NOISE),
        judged("c10-zero-writer-queue", 0.0251, Verdict.WITHIN_NOISE, 0.09, 3.1,
            Verdict.IMPROVED),
        judged("c10-zero-backoff", 0.0301, Verdict.REGRESSED, 0.30, 1.2, Verdict.IMPROVED));
  }

  @Test
  void theHeadlineNamesTheJudgedWinnerNotTheLowestP95WithinNoise() {
    List<Comparison> cs = lowestP95WithinNoiseAnotherJudgedBetter();
    assertEquals("c10-zero-writer-queue wins at c10-zero, judged better on throughput: P95 "
        + "lock_wait 0.0137 ms to 0.0251 ms (+83.2%, within noise); throughput 3.1x (improved)",
        Insights.headline(cs, id -> Optional.empty()));
    RunFile seed = ResultsReader.read(SEED).run();
    assertEquals("lock_wait is 99% of db_total at P95 at c10-zero (published P95s only, not a "
        + "share of time), so the write lock is the bottleneck. Winner: c10-zero-writer-queue, "
        + "judged better on throughput with no regression. Others: c10-zero-shared-connection "
        + "within noise; c10-zero-backoff regressed (lock_wait_ms P95).",
        Insights.keyInsight(seed.baseline().orElseThrow(), cs));
  }

  @Test
  void theRankingFollowsTheSameRule() {
    String table = Rankings.markdown(List.of(), lowestP95WithinNoiseAnotherJudgedBetter());
    List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| #"))
        .toList();
    assertTrue(rows.get(0).matches("\\| 1 +\\| c10-zero-writer-queue +\\| won \\(throughput\\).*"),
        table);
    assertTrue(rows.get(1).matches("\\| 2 +\\| c10-zero-shared-connection +\\| within noise.*"),
        table);
    assertTrue(rows.get(2).matches("\\| 3 +\\| c10-zero-backoff +\\| regressed.*"), table);
    assertTrue(rows.get(3).matches("\\| - +\\| c10-zero +\\| baseline.*"), table);
  }

  @Test
  void withNothingJudgedBetterNoStrategyWins() {
    List<Comparison> cs = List.of(
        judged("a", 0.0101, Verdict.WITHIN_NOISE, 0.1, 1.04, Verdict.WITHIN_NOISE),
        judged("b", 0.0090, Verdict.WITHIN_NOISE, 0.1, 0.98, Verdict.WITHIN_NOISE));
    assertEquals("No strategy won at c10-zero: none was judged better on P95 lock_wait, "
        + "starvation or throughput without a regression (2 compared)",
        Insights.headline(cs, id -> Optional.empty()));
    assertTrue(Winner.of(cs, id -> Optional.empty()).isEmpty());
  }

  @Test
  void endingStarvationWinsWhenTheOtherFiguresAreWithinNoise() {
    RunFile seed = ResultsReader.read(SEED).run();
    ConfigResult base = seed.baseline().orElseThrow();
    Map<String, ConfigResult> configs = Map.of(
        "c10-zero", base.withFairness(new WorkerFairness(10, 4, 10, 900, 0.3, 8), List.of()),
        "fair", base.withFairness(new WorkerFairness(10, 300, 327, 350, 0.99, 0), List.of()),
        "unfair", base.withFairness(new WorkerFairness(10, 4, 10, 900, 0.3, 8), List.of()));
    List<Comparison> cs = List.of(
        judged("unfair", 0.0101, Verdict.WITHIN_NOISE, 0.1, 1.04, Verdict.WITHIN_NOISE),
        judged("fair", 0.0160, Verdict.WITHIN_NOISE, 0.1, 1.01, Verdict.WITHIN_NOISE));
    assertEquals("fair wins at c10-zero, judged better on starvation: P95 lock_wait 0.0137 ms "
        + "to 0.0160 ms (+16.8%, within noise); starved workers 8 to 0; throughput 1.01x "
        + "(within noise)", Insights.headline(cs, id -> Optional.ofNullable(configs.get(id))));
  }

  @Test
  void aWorseP99BehindTheWinnersBetterP95IsSaid() {
    SegmentDelta wait = row("lock_wait_ms", 1.2, 0.2, Verdict.IMPROVED);
    SegmentDelta net = new SegmentDelta("fsm_net_ms", Optional.of(0.1), 1.30, Optional.of(3.5),
        Optional.of(0.1), 0.29, Optional.of(10.2), -1.01, -77.7, Optional.empty(),
        Optional.empty());
    Comparison c = new Comparison("c10-fast", "c10-fast-shared-connection", List.of(wait, net),
        new ThroughputRatio(3370, 3442, 1.02, Optional.empty(), Optional.empty()), "test", 1.0,
        List.of());
    RunFile seed = ResultsReader.read(SEED).run();
    String insight = Insights.keyInsight(seed.baseline().orElseThrow(), List.of(c));
    assertTrue(insight.endsWith("Winner: c10-fast-shared-connection, judged better on P95 "
        + "lock_wait with no regression. Its P99 fsm_net rose, though: 3.50 ms to 10.2 ms."),
        insight);
  }

  @Test
  void figuresKeepTheDigitsThatShowTheirChange() {
    assertArrayEquals(new String[] {"0.0137", "0.0164"}, Digits.pair(0.0137, 0.0164));
    assertArrayEquals(new String[] {"0.01371", "0.01374"}, Digits.pair(0.013712, 0.013741));
    assertArrayEquals(new String[] {"53.6", "10.2"}, Digits.pair(53.61, 10.20));
    assertArrayEquals(new String[] {"1234", "1235"}, Digits.pair(1234.4, 1234.6));
    assertArrayEquals(new String[] {"2.501", "2.504"}, Digits.pair(2.501, 2.504));
    assertArrayEquals(new String[] {"0", "0.500"}, Digits.pair(0, 0.5));
  }
}
