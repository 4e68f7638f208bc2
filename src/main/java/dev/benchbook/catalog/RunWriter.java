package dev.benchbook.catalog;

import dev.benchbook.analysis.Winner;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.Manifest;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.results.Verdict;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.results.WorkloadSource;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.workload.GroupCommitCeiling;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Inserts one loaded results file (records and raw rows) and deletes one run's data. */
final class RunWriter {

  private static final List<String> RUN_TABLES = List.of("segment_stats", "repetitions", "workers",
      "repetition_stats", "comparisons", "comparison_segments", "run_params");

  private RunWriter() {
  }

  /**
   * Inserts the run stored at {@code file} (relative path) under {@code runId} (see
   * {@link RunIds}) with the standings of its mitigations under the winner rule, computed
   * beforehand (outside the write transaction: they need a bootstrap); returns the run id.
   */
  static long insert(Connection c, long runId, String file, LoadedRun loaded,
      Map<String, Winner.Standing> standings) throws SQLException {
    RunFile run = loaded.run();
    try (Inserts in = new Inserts(c)) {
      long rawRows = loaded.rows().map(r -> (long) r.size()).orElse(0L);
      Object[] values = runValues(file, loaded, rawRows);
      values[0] = runId;
      in.insert("runs", values);
      params(in, runId, run.manifest());
      Map<String, Long> keys = configs(in, runId, run);
      for (ConfigResult config : run.allConfigs()) {
        stats(in, runId, config);
      }
      List<Comparison> comparisons = run.allComparisons();
      for (int i = 0; i < comparisons.size(); i++) {
        comparison(in, runId, i, comparisons.get(i),
            Optional.ofNullable(standings.get(comparisons.get(i).mitigationConfig())));
      }
      if (loaded.rows().isPresent()) {
        RowsWriter.insert(c, runId, keys, loaded.rows().get());
        for (ConfigResult config : run.allConfigs()) {
          WorkerWriter.insert(in, runId, loaded.rows().get(), config);
        }
      }
      return runId;
    }
  }

  /** Deletes a run and everything derived from it. */
  static void delete(Connection c, long runId) throws SQLException {
    execute(c, "DELETE FROM rows WHERE config_key IN "
        + "(SELECT config_key FROM configs WHERE run_id = ?)", runId);
    for (String table : RUN_TABLES) {
      execute(c, "DELETE FROM " + table + " WHERE run_id = ?", runId);
    }
    execute(c, "DELETE FROM configs WHERE run_id = ?", runId);
    execute(c, "DELETE FROM runs WHERE run_id = ?", runId);
  }

  private static void execute(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private static Object[] runValues(String file, LoadedRun loaded, long rawRows) {
    RunFile run = loaded.run();
    Manifest m = run.manifest();
    Map<String, Object> p = m.parameters();
    return new Object[] {null, file, loaded.name(), run.kind(),
        Times.createdAt(m.startTime(), loaded.name(), loaded.path()),
        m.endTime().flatMap(Times::iso).orElse(null), run.schemaVersion(), run.reconstructed(),
        run.complete(), m.toolVersion(), m.gitCommit(), m.gitDirty(), m.jvm(), m.jvmArgs(),
        m.os(), m.cpuModel(), m.cores(), m.sqliteVersion(), m.seed(), m.note(),
        text(p.get("synchronous")), number(p.get("busy_timeout_ms")), number(p.get("hold_ms")),
        m.pragmas().get("journal_mode"), number(p.get("files")), number(p.get("reps")),
        number(p.get("duration_s")), run.ceilingTxPerS(),
        run.sweep().map(SweepSpec::parameter), run.sweep().map(SweepSpec::values),
        run.rowsFile(), rawRows, m.clockReadNs(), m.workload().map(WorkloadSource::name),
        m.workload().flatMap(WorkloadSource::sha256)};
  }

  private static Object text(Object v) {
    return v instanceof String ? v : null;
  }

  private static Object number(Object v) {
    return v instanceof Number ? v : null;
  }

  private static void params(Inserts in, long runId, Manifest m) throws SQLException {
    for (Map.Entry<String, Object> e : m.parameters().entrySet()) {
      in.insert("run_params", runId, "parameter", e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : m.pragmas().entrySet()) {
      in.insert("run_params", runId, "pragma", e.getKey(), pragmaValue(e.getValue()));
    }
  }

  /** A PRAGMA value as a number when it is one (busy_timeout 5000), else as text. */
  private static Object pragmaValue(String v) {
    return v.matches("-?\\d{1,18}") ? (Object) Long.parseLong(v) : v;
  }

  private static Map<String, Long> configs(Inserts in, long runId, RunFile run)
      throws SQLException {
    Map<String, Long> keys = new LinkedHashMap<>();
    int position = 0;
    for (ConfigResult c : run.configs()) {
      keys.put(c.id(), config(in, runId, c, run.kind().equals("sweep") ? "point" : "config",
          position++));
    }
    if (run.baseline().isPresent()) {
      ConfigResult c = run.baseline().get();
      keys.put(c.id(), config(in, runId, c, "baseline", position++));
    }
    if (run.mitigationRun().isPresent()) {
      ConfigResult c = run.mitigationRun().get();
      keys.put(c.id(), config(in, runId, c, "mitigation", position++));
    }
    for (ConfigResult c : run.mitigationRuns()) {
      keys.put(c.id(), config(in, runId, c, "mitigation", position++));
    }
    return keys;
  }

  private static long config(Inserts in, long runId, ConfigResult c, String role, int position)
      throws SQLException {
    Optional<WorkloadSpec> w = c.workload();
    long key = RunIds.configKey(runId, position);
    in.insert("configs", key, runId, c.id(), role, position, c.concurrency(),
        c.profile(), c.strategy(), c.strategyOptions(), c.atomic(), c.reps(), c.transitions(),
        c.wallS(), c.transitionsPerS(), c.pctOfCeiling(), c.ceilingTxPerS(), c.conflicts(),
        c.busyErrors(), c.durationBounded(), w.map(WorkloadSpec::files),
        w.map(WorkloadSpec::flow), w.map(WorkloadSpec::synchronous),
        w.map(WorkloadSpec::holdMs), w.map(WorkloadSpec::busyTimeoutMs),
        w.map(WorkloadSpec::failureProbability), w.map(WorkloadSpec::latency),
        fair(c.fairness(), WorkerFairness::minPerWorker),
        fair(c.fairness(), WorkerFairness::medianPerWorker),
        fair(c.fairness(), WorkerFairness::maxPerWorker),
        fair(c.fairness(), WorkerFairness::jainIndex),
        fair(c.fairness(), WorkerFairness::starvedWorkers),
        c.groupCommitCeiling().map(GroupCommitCeiling::transitionsPerS),
        c.groupCommitCeiling().map(GroupCommitCeiling::transitionsPerCommit),
        c.openLoop().map(OpenLoop::requestedRatePerS), c.openLoop().map(OpenLoop::achievedRatePerS),
        c.openLoop().map(OpenLoop::arrivals));
    return key;
  }

  /** One fairness figure, or NULL when there are none. */
  private static Optional<Object> fair(Optional<WorkerFairness> f,
      Function<WorkerFairness, Object> figure) {
    return f.map(figure);
  }

  private static void stats(Inserts in, long runId, ConfigResult c) throws SQLException {
    for (Map.Entry<String, SegmentStats> e : c.segments().entrySet()) {
      SegmentStats s = e.getValue();
      in.insert("segment_stats", runId, c.id(), e.getKey(), s.count(), s.meanMs(), s.minMs(),
          s.p50Ms(), s.p90Ms(), s.p95Ms(), s.p99Ms(), s.p999Ms(), s.maxMs());
    }
    for (RepResult r : c.repetitions()) {
      in.insert("repetitions", runId, c.id(), r.rep(), r.transitions(), r.wallS(),
          r.transitionsPerS(), r.conflicts(), r.busyErrors(), r.rolledBack(), r.filesTerminal(),
          r.durationBounded(), r.fork(), fair(r.fairness(), WorkerFairness::minPerWorker),
          fair(r.fairness(), WorkerFairness::medianPerWorker),
          fair(r.fairness(), WorkerFairness::maxPerWorker),
          fair(r.fairness(), WorkerFairness::jainIndex),
          fair(r.fairness(), WorkerFairness::starvedWorkers));
      for (Map.Entry<String, SegmentStats> e : r.segments().entrySet()) {
        SegmentStats s = e.getValue();
        in.insert("repetition_stats", runId, c.id(), r.rep(), e.getKey(), s.count(),
            s.meanMs(), s.minMs(), s.p50Ms(), s.p90Ms(), s.p95Ms(), s.p99Ms(), s.p999Ms(),
            s.maxMs());
      }
    }
  }

  /**
   * How each mitigation stands under the one winner rule, judged on the verdicts the file
   * stores (the ones in the same catalog rows), by mitigation id. No bootstrap is re-run: a
   * report recomputes the intervals with today's method, which for a file made by this version
   * gives the same verdicts.
   */
  static Map<String, Winner.Standing> standings(LoadedRun loaded) {
    Map<String, Winner.Standing> out = new java.util.HashMap<>();
    for (Winner.Standing s : Winner.ranked(loaded.run().allComparisons(),
        loaded.run()::config)) {
      out.put(s.comparison().mitigationConfig(), s);
    }
    return out;
  }

  private static void comparison(Inserts in, long runId, int index, Comparison c,
      Optional<Winner.Standing> standing) throws SQLException {
    Optional<Interval> ci = c.throughput().ci();
    in.insert("comparisons", runId, index, c.baselineConfig(), c.mitigationConfig(),
        c.throughput().baselinePerS(), c.throughput().mitigationPerS(), c.throughput().ratio(),
        ci.map(Interval::low), ci.map(Interval::high), ci.map(Interval::level),
        c.throughput().verdict().map(Verdict::label), c.intervals(), c.noiseThresholdPct(),
        c.workloadDifferences(), ci.map(Interval::resamples), ci.map(Interval::method),
        c.noiseFloorMs(), c.setupDifferences(),
        standing.map(st -> st.outcome().label()), standing.map(Winner.Standing::place));
    for (SegmentDelta d : c.segments()) {
      Optional<Interval> dci = d.deltaCiMs();
      in.insert("comparison_segments", runId, index, d.segment(), d.baselineP50Ms(),
          d.baselineP95Ms(), d.baselineP99Ms(), d.mitigationP50Ms(), d.mitigationP95Ms(),
          d.mitigationP99Ms(), d.deltaMs(), d.deltaPct(), dci.map(Interval::low),
          dci.map(Interval::high), dci.map(Interval::level), dci.map(Interval::resamples),
          dci.map(Interval::method), d.verdict().map(Verdict::label));
    }
  }
}
