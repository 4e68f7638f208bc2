package dev.benchbook.report;

import dev.benchbook.SeedFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightsTest {

  private static final Path SEED = SeedFigures.FILE;

  @Test
  void seedHeadlineAndInsightComeFromItsFigures() {
    RunFile f = ResultsReader.read(SEED).run();
    Comparison c = f.comparison().orElseThrow();
    assertEquals("c10-zero-shared-connection reduces lock_wait_ms P95 by 98.1% (40.65 ms to "
        + "0.77 ms) at c10-zero; throughput 8.7x", Insights.headline(c));
    assertEquals("lock_wait is 99% of db_total at P95 at c10-zero (published P95s only, not a "
        + "share of time), so the write lock is the bottleneck. Lowest P95 fsm_net: "
        + "c10-zero-shared-connection (1.34 ms, -96.8%). Best "
        + "throughput: c10-zero-shared-connection at 8.7x the baseline.",
        Insights.keyInsight(f.baseline().orElseThrow(), List.of(c)));
  }

  private static Comparison judged(String id, double fsmNetMs, double ratio, Verdict v) {
    SegmentDelta net = new SegmentDelta("fsm_net_ms", Optional.empty(), 2.0, Optional.empty(),
        Optional.empty(), fsmNetMs, Optional.empty(), fsmNetMs - 2.0, 50 * (fsmNetMs - 2.0),
        Optional.empty(), Optional.empty());
    ThroughputRatio t = new ThroughputRatio(1000, 1000 * ratio, ratio,
        Optional.of(new Interval(ratio - 0.05, ratio + 0.05, 0.95, 2000, "test")),
        Optional.of(v));
    return new Comparison("base", id, List.of(net), t, "test", 1.0, List.of());
  }

  @Test
  void leadIsLowestFsmNetAndNoiseIsNotCalledBest() {
    Comparison a = judged("a", 0.5, 1.04, Verdict.WITHIN_NOISE);
    Comparison b = judged("b", 0.3, 1.01, Verdict.WITHIN_NOISE);
    assertEquals("b", dev.benchbook.analysis.Contention.lead(List.of(a, b)).mitigationConfig());
    RunFile seed = ResultsReader.read(SEED).run();
    assertEquals("lock_wait is 99% of db_total at P95 at c10-zero (published P95s only, not a "
        + "share of time), so the write lock is the bottleneck. Lowest P95 fsm_net: b (0.30 ms, "
        + "-85.0%). No strategy raised throughput "
        + "beyond noise (best ratio 1.04x, a).",
        Insights.keyInsight(seed.baseline().orElseThrow(), List.of(a, b)));
  }

  @Test
  void aWorseP99BehindABetterP95IsSaid() {
    SegmentDelta net = new SegmentDelta("fsm_net_ms", Optional.of(0.1), 1.30, Optional.of(3.5),
        Optional.of(0.1), 0.29, Optional.of(10.2), -1.01, -77.7, Optional.empty(),
        Optional.empty());
    Comparison c = new Comparison("c10-fast", "c10-fast-shared-connection", List.of(net),
        new ThroughputRatio(3370, 3442, 1.02, Optional.empty(), Optional.empty()), "test", 1.0,
        List.of());
    RunFile seed = ResultsReader.read(SEED).run();
    String insight = Insights.keyInsight(seed.baseline().orElseThrow(), List.of(c));
    assertEquals(true, insight.contains("Lowest P95 fsm_net: c10-fast-shared-connection (0.29 ms, "
        + "-77.7%). Its P99 fsm_net rose, though: 3.50 ms to 10.20 ms."), insight);
  }
}
