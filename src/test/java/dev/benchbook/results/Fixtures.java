package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixed records and rows for tests: every value chosen by hand, nothing random. */
final class Fixtures {

  static final List<String> STATES = List.of("PENDING", "UPLOADING", "UPLOADED", "PROCESSING",
      "INDEXED");

  private Fixtures() {
  }

  static Manifest manifest() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("files", 818);
    params.put("profile", List.of("zero"));
    params.put("duration_s", 20.5);
    params.put("quiet", true);
    return new Manifest("0.1.0", Optional.of("0123456789abcdef0123456789abcdef01234567"),
        Optional.of(false), Optional.of("OpenJDK 64-Bit Server VM 17.0.15"),
        List.of("-Xmx1g"), Optional.of("Linux 6.1 amd64"), Optional.of("Test CPU @ 2.0GHz"),
        Optional.of(2), Optional.of("3.54.1"), Map.of("journal_mode", "WAL",
            "synchronous", "NORMAL"), params, Optional.of(42L),
        Optional.of("2026-02-22T11:47:07Z"), Optional.of("2026-02-22T11:47:31Z"),
        Optional.empty(), Optional.of(61.0));
  }

  static SegmentStats stats(double scale) {
    return SegmentStats.measured(3272, 1.5 * scale, 0.25 * scale, 1.0 * scale, 2.0 * scale,
        2.5 * scale, 4.0 * scale, 8.0 * scale, 16.0 * scale);
  }

  static Map<String, SegmentStats> segments() {
    Map<String, SegmentStats> s = new LinkedHashMap<>();
    s.put("db_total_ms", stats(10));
    s.put("lock_wait_ms", stats(8));
    s.put("fsm_dispatch_ms", stats(0.001));
    s.put("fsm_net_ms", stats(10.5));
    s.put("api_ms", stats(0));
    return s;
  }

  static WorkloadSpec workload() {
    return new WorkloadSpec(818, "upload-index", "NORMAL", 0.0, 5000, 0.0,
        Map.of("name", "zero"));
  }

  static ConfigResult config(String id, int concurrency, long transitions) {
    RepResult rep = new RepResult(0, transitions, 1.25, transitions / 1.25, 0, 0, 0, 818, false,
        Map.of("db_total_ms", stats(10))).withFork(0);
    return new ConfigResult(id, concurrency, "zero", "per-worker", Map.of("fair", true), true, 1,
        transitions, 1.25, transitions / 1.25, 12.5, 0, 0, false, Optional.of(workload()),
        segments(), List.of(rep));
  }

  /** A matrix run with two configs; rows_file left empty (the writer sets it). */
  static RunFile matrix() {
    return new RunFile(RunFile.SCHEMA_VERSION, "matrix", false, manifest(), Optional.of(20944.0),
        List.of(config("c1-zero", 1, 3), config("c10-zero", 10, 2).withFairness(
            new WorkerFairness(10, 0, 0.0, 1, 0.2, 8),
            List.of(new WorkerFairness(10, 0, 0.0, 1, 0.2, 8)))), Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), true);
  }

  /** A reconstructed mitigation file: P95 values and throughputs only. */
  static RunFile reconstructedMitigation() {
    Manifest m = new Manifest("0.1.0", null, null, null, null, null, null, null, null, null,
        null, null, null, null, Optional.of("rebuilt from the published summary"));
    ConfigResult base = reconstructed("c10-zero", "per-worker", 3287, 40.95);
    ConfigResult mit = reconstructed("c10-zero-shared-connection", "shared-connection", 28638,
        1.27);
    return new RunFile(RunFile.SCHEMA_VERSION, "mitigation", true, m, Optional.empty(),
        List.of(), Optional.of(base), Optional.of(mit), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), true);
  }

  private static ConfigResult reconstructed(String id, String strategy, double tps, double p95) {
    return new ConfigResult(id, 10, "zero", strategy, null, true, 1, 3272, null, tps, null, 0, 0,
        false, Optional.empty(), Map.of("db_total_ms", SegmentStats.p95Only(p95)), null);
  }

  /** Rows matching {@link #matrix()}: 3 committed rows of c1-zero, 2 of c10-zero, plus others. */
  static RawRows rows() {
    RawRows r = new RawRows(List.of("c1-zero", "c10-zero"), STATES, 4);
    TestRows.add(r, 0, 0, 0, 1, 0, 1, 0, 1200, 0, 5_000, 90_000, 95_000, 95_000, 0, Outcome.COMMITTED);
    TestRows.add(r, 0, 0, 0, 1, 1, 2, 95_000, 1100, 5_000_000, 4_000, 80_000, 86_000, 5_086_000, 0,
        Outcome.COMMITTED);
    TestRows.add(r, 1, 0, 3, 2, 0, 1, 10, 900, 0, 40_000_000, 41_000_000, 41_002_000, 41_002_000, 3,
        Outcome.BUSY);
    TestRows.add(r, 1, 0, 4, 7, 0, 1, 12, 950, 0, 1_000, 2_000, 3_000, 3_000, 0, Outcome.COMMITTED);
    TestRows.add(r, 0, 0, 1, 1, 2, 3, 9_223_372_036_854_775_807L, 1, 2, 3, 4, 5, 6, 2147483647,
        Outcome.COMMITTED);
    TestRows.add(r, 1, 0, 9, 817, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, Outcome.CONFLICT);
    TestRows.add(r, 1, 0, 9, 817, 3, 4, 1, 2, 3, 4, 5, 6, 7, 1, Outcome.ROLLED_BACK);
    TestRows.add(r, 1, 1, 9, 817, 3, 4, 1, 2, 3, 4, 5, 6, 7, 0, Outcome.COMMITTED);
    return r;
  }

  /** Asserts two row sets hold the same values in the same order, dictionaries included. */
  static void assertSameRows(RawRows expected, RawRows actual) {
    assertEquals(expected.size(), actual.size(), "row count");
    assertEquals(expected.configIds(), actual.configIds(), "config dictionary");
    assertEquals(expected.stateNames(), actual.stateNames(), "state dictionary");
    int n = expected.size();
    assertArrayEquals(Arrays.copyOf(expected.config(), n), Arrays.copyOf(actual.config(), n));
    assertArrayEquals(Arrays.copyOf(expected.rep(), n), Arrays.copyOf(actual.rep(), n));
    assertArrayEquals(Arrays.copyOf(expected.worker(), n), Arrays.copyOf(actual.worker(), n));
    assertArrayEquals(Arrays.copyOf(expected.fileId(), n), Arrays.copyOf(actual.fileId(), n));
    assertArrayEquals(Arrays.copyOf(expected.fromState(), n),
        Arrays.copyOf(actual.fromState(), n));
    assertArrayEquals(Arrays.copyOf(expected.toState(), n), Arrays.copyOf(actual.toState(), n));
    for (String c : TestRows.COLUMNS.subList(6, 13)) {
      assertArrayEquals(Arrays.copyOf(expected.longs(TestRows.column(c)), n),
          Arrays.copyOf(actual.longs(TestRows.column(c)), n), c);
    }
    assertArrayEquals(Arrays.copyOf(expected.retries(), n), Arrays.copyOf(actual.retries(), n));
    assertArrayEquals(Arrays.copyOf(expected.outcome(), n), Arrays.copyOf(actual.outcome(), n));
  }
}
