package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.Percentiles;
import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five questions of docs/CATALOG.md, each one query read from that file, answered on the
 * committed data/ and checked against the same answer computed from the results files with the
 * results reader and the analysis library.
 */
class CatalogQuestionsTest {

  private static final Pattern QUERY = Pattern.compile("```sql\\n(-- (Q\\d):[^\\n]*\\n.*?)```",
      Pattern.DOTALL);
  private static final double EPS_MS = 1e-9;
  private static Map<String, String> questions;
  private static List<LoadedRun> runs;

  @BeforeAll
  static void load() throws IOException {
    questions = new TreeMap<>();
    Matcher m = QUERY.matcher(Files.readString(Path.of("docs/CATALOG.md")));
    while (m.find()) {
      questions.put(m.group(2), m.group(1));
    }
    assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5"), new ArrayList<>(questions.keySet()));
    runs = new ArrayList<>(ResultsReader.load(CatalogFixture.sharedDataDir()).runsOrThrow());
    runs.sort(Comparator.comparing(r -> r.run().manifest().startTime().orElseThrow()));
  }

  private static QueryResult ask(String question) {
    return Catalog.query(CatalogFixture.sharedCatalog(), questions.get(question), Map.of());
  }

  @Test
  void q1P95LockWaitOfC10PerWorkerConfigsOverTheLastTwentyRunsOldestFirst() {
    List<String> expected = new ArrayList<>();
    List<LoadedRun> matching = runs.stream().filter(r -> !c10PerWorker(r).isEmpty()).toList();
    for (LoadedRun r : matching.subList(Math.max(0, matching.size() - 20), matching.size())) {
      c10PerWorker(r).stream().sorted(Comparator.comparing(ConfigResult::id)).forEach(c ->
          expected.add(r.name() + " " + c.id() + " " + c.segment(Segment.LOCK_WAIT).p95()));
    }
    QueryResult q = ask("Q1");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      actual.add(q.value(i, "run") + " " + q.value(i, "config") + " " + q.value(i, "p95_ms"));
    }
    assertEquals(expected, actual);
    assertEquals(10, actual.size(), "seed c10-zero, 5 hold points, 3 matrix configs, 1 baseline");
  }

  private static List<ConfigResult> c10PerWorker(LoadedRun r) {
    return r.run().allConfigs().stream()
        .filter(c -> c.concurrency() == 10 && c.strategy().equals("per-worker")).toList();
  }

  @Test
  void q2BestP99LockWaitStrategyOfEachMitigationRun() {
    List<String> expected = new ArrayList<>();
    for (LoadedRun r : runs) {
      if (!r.run().kind().equals("mitigation")) {
        continue;
      }
      r.run().allConfigs().stream().filter(c -> c.segment(Segment.LOCK_WAIT).p99Ms() != null)
          .min(Comparator.comparingDouble(c -> c.segment(Segment.LOCK_WAIT).p99()))
          .ifPresent(c -> expected.add(r.name() + " " + c.strategy()));
    }
    QueryResult q = ask("Q2");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      actual.add(q.value(i, "run") + " " + q.value(i, "strategy"));
    }
    assertEquals(expected, actual);
    assertEquals(List.of("results-mitigation-20261126-210911 writer-queue",
        "results-mitigation-20261126-211850 backoff"), actual);
  }

  @Test
  void q3RunsWithSynchronousFullOrAHold() {
    List<String> expected = runs.stream().filter(r -> r.run().allConfigs().stream()
        .anyMatch(c -> c.workload().map(w -> w.synchronous().equals("FULL") || w.holdMs() > 0)
            .orElse(false))).map(LoadedRun::name).toList();
    QueryResult q = ask("Q3");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      actual.add((String) q.value(i, "run"));
    }
    assertEquals(expected, actual);
    assertEquals(3, actual.size(), "the three contention runs hold the lock");
  }

  @Test
  void q4CommittedTransitionsPerWorkerOfABaselineFromRawRows() {
    LoadedRun run = runs.stream().filter(r -> r.name().equals(
        "results-mitigation-20261126-211850")).findFirst().orElseThrow().withRows();
    ConfigResult baseline = run.run().baseline().orElseThrow();
    RawRows rows = run.rows().orElseThrow();
    int code = rows.configIds().indexOf(baseline.id());
    Map<Long, Long> expected = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.config()[i] == code && rows.outcome()[i] == Outcome.COMMITTED.ordinal()) {
        expected.merge((long) rows.worker()[i], 1L, Long::sum);
      }
    }
    QueryResult q = ask("Q4");
    Map<Long, Long> actual = new TreeMap<>();
    long total = 0;
    for (int i = 0; i < q.size(); i++) {
      long n = ((Number) q.value(i, "committed")).longValue();
      actual.put(((Number) q.value(i, "worker")).longValue(), n);
      total += n;
    }
    assertEquals(expected, actual);
    assertEquals(baseline.concurrency(), actual.size());
    assertEquals(baseline.transitions(), total);
  }

  @Test
  void q5P95FsmNetPerConfigFromRawRowsEqualsTheLibrary() {
    QueryResult q = ask("Q5");
    Map<String, Double> actual = new TreeMap<>();
    for (int i = 0; i < q.size(); i++) {
      actual.put(q.value(i, "run") + " " + q.value(i, "config"), (Double) q.value(i, "p95_ms"));
    }
    Map<String, Double> expected = new TreeMap<>();
    for (LoadedRun r : runs) {
      if (r.hasRowsFile()) {
        RawRows rows = r.withRows().rows().orElseThrow();
        for (ConfigResult c : r.run().allConfigs()) {
          double[] ms = SegmentStatsCalculator.samplesMs(rows, rows.configIds().indexOf(c.id()),
              Segment.FSM_NET);
          expected.put(r.name() + " " + c.id(), Percentiles.of(ms, 0.95));
        }
      }
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertEquals(v, actual.get(k), EPS_MS, k));
  }

  /**
   * P50, P95 and P99 of every segment of every config of every committed run with raw rows,
   * computed in SQL from rows, equal the analysis library's and the stored stats to 1e-9 ms.
   */
  @Test
  void sqlPercentilesEqualTheAnalysisLibraryOnTheCommittedRuns() {
    List<Segment> segments = List.of(Segment.DB_TOTAL, Segment.LOCK_WAIT, Segment.FSM_DISPATCH,
        Segment.FSM_NET);
    double[] ps = {0.50, 0.95, 0.99};
    StringBuilder sql = new StringBuilder("SELECT r.file, c.config");
    for (Segment s : segments) {
      for (double p : ps) {
        sql.append(", percentile_cont(w.").append(s.nsColumn()).append(", ").append(p)
            .append(") / 1e6");
      }
    }
    sql.append(" FROM rows w JOIN configs c ON c.config_key = w.config_key JOIN runs r ON "
        + "r.run_id = c.run_id WHERE w.committed GROUP BY w.config_key");
    QueryResult q = Catalog.query(CatalogFixture.sharedCatalog(), sql.toString(), Map.of());
    int checked = 0;
    for (LoadedRun r : runs) {
      if (!r.hasRowsFile()) {
        continue;
      }
      RawRows rows = r.withRows().rows().orElseThrow();
      String file = CatalogFixture.sharedDataDir().relativize(r.path()).toString();
      for (ConfigResult c : r.run().allConfigs()) {
        Object[] row = find(q, file, c.id());
        int col = 2;
        for (Segment s : segments) {
          double[] ms = SegmentStatsCalculator.samplesMs(rows, rows.configIds().indexOf(c.id()), s);
          SegmentStats stored = c.segment(s);
          double[] stats = {stored.p50(), stored.p95(), stored.p99()};
          for (int k = 0; k < ps.length; k++) {
            double sqlValue = (Double) row[col++];
            String what = file + " " + c.id() + " " + s.key() + " p" + ps[k];
            assertEquals(Percentiles.of(ms, ps[k]), sqlValue, EPS_MS, what);
            assertEquals(stats[k], sqlValue, EPS_MS, what + " (stored)");
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 12 * 40, "checked " + checked + " percentiles");
  }

  private static Object[] find(QueryResult q, String file, String config) {
    for (Object[] row : q.rows()) {
      if (row[0].equals(file) && row[1].equals(config)) {
        return row;
      }
    }
    throw new AssertionError("no SQL row for " + file + " " + config);
  }

  @Test
  void everyQuestionRunsUnderTheReadOnlyGuardAndReturnsRows() {
    for (String q : questions.keySet()) {
      assertFalse(ask(q).rows().isEmpty(), q);
    }
  }
}
