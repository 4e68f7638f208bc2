package dev.benchbook.api;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.analysis.WorkPerWorker;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables for the facade: sweep points, work per worker, rounding. */
final class Tables {

  private Tables() {
  }

  /** The run's non-committed attempts by config, edge, outcome and error (see FailedAttempts). */
  static Table failures(dev.benchbook.results.LoadedRun run) {
    Table t = Table.create(run.name() + ": attempts that did not commit",
        StringColumn.create("config"), StringColumn.create("from_state"),
        StringColumn.create("to_state"), StringColumn.create("outcome"),
        StringColumn.create("error"), LongColumn.create("attempts"));
    dev.benchbook.rows.RawRows rows = run.rows().orElseThrow(() -> new IllegalArgumentException(
        run.path() + " has no raw rows: failed attempts are counted from them"));
    for (dev.benchbook.analysis.FailedAttempts f : dev.benchbook.analysis.FailedAttempts.of(rows,
        run.run().manifest().errors().orElse(Map.of()))) {
      t.stringColumn("config").append(f.config());
      t.stringColumn("from_state").append(f.fromState());
      t.stringColumn("to_state").append(f.toState());
      t.stringColumn("outcome").append(f.outcome());
      t.stringColumn("error").append(f.error());
      t.longColumn("attempts").append(f.attempts());
    }
    return t;
  }

  /** One row per sweep point; {@code knee} is true at each strategy's knee. */
  static Table sweep(String name, List<SweepPoint> points) {
    Map<String, String> knees = Sweeps.knees(points);
    Table t = Table.create(name + " sweep points",
        StringColumn.create("strategy"), StringColumn.create("value"),
        StringColumn.create("config"), DoubleColumn.create("transitions_per_s"),
        DoubleColumn.create("p95_lock_wait_ms"), DoubleColumn.create("p99_lock_wait_ms"),
        BooleanColumn.create("knee"));
    for (SweepPoint p : points) {
      t.stringColumn("strategy").append(p.strategy());
      t.stringColumn("value").append(p.value());
      t.stringColumn("config").append(p.configId());
      t.doubleColumn("transitions_per_s").append(p.transitionsPerS());
      t.doubleColumn("p95_lock_wait_ms").append(p.p95LockWaitMs());
      t.doubleColumn("p99_lock_wait_ms").append(p.p99LockWaitMs());
      t.booleanColumn("knee").append(p.value().equals(knees.get(p.strategy())));
    }
    return t;
  }

  /** Rows {@code rep, worker, transitions}; the name sums up each repetition's spread. */
  static Table perWorker(WorkPerWorker w) {
    Table t = Table.create(w.configId() + ": committed transitions per worker; " + spread(w),
        IntColumn.create("rep"), IntColumn.create("worker"), LongColumn.create("transitions"));
    for (int rep = 0; rep < w.reps(); rep++) {
      long[] counts = w.counts()[rep];
      for (int worker = 0; worker < counts.length; worker++) {
        t.intColumn("rep").append(rep);
        t.intColumn("worker").append(worker);
        t.longColumn("transitions").append(counts[worker]);
      }
    }
    return t;
  }

  /** One row per config and repetition: workers, min, max, max/min, Jain's fairness. */
  static Table balance(String name, List<WorkPerWorker> configs) {
    Table t = Table.create(name + ": work per worker",
        StringColumn.create("config"), IntColumn.create("rep"), IntColumn.create("workers"),
        LongColumn.create("min"), LongColumn.create("max"), DoubleColumn.create("max_over_min"),
        DoubleColumn.create("jain_fairness"));
    for (WorkPerWorker w : configs) {
      for (int rep = 0; rep < w.reps(); rep++) {
        t.stringColumn("config").append(w.configId());
        t.intColumn("rep").append(rep);
        t.intColumn("workers").append(w.counts()[rep].length);
        t.longColumn("min").append(w.min(rep));
        t.longColumn("max").append(w.max(rep));
        t.doubleColumn("max_over_min").append(w.min(rep) == 0 ? Double.NaN
            : (double) w.max(rep) / w.min(rep));
        t.doubleColumn("jain_fairness").append(w.jainIndex(rep));
      }
    }
    return t;
  }

  private static String spread(WorkPerWorker w) {
    StringBuilder s = new StringBuilder();
    for (int rep = 0; rep < w.reps(); rep++) {
      s.append(rep == 0 ? "" : "; ").append(String.format(Locale.ROOT,
          "rep %d: min %d, max %d, Jain fairness %.2f", rep, w.min(rep), w.max(rep),
          w.jainIndex(rep)));
    }
    return s.toString();
  }

  /** A copy with every double column rounded half-up to {@code decimals}. */
  static Table round(Table table, int decimals) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("decimals must be in [0, 15], got " + decimals);
    }
    double scale = Math.pow(10, decimals);
    Table copy = table.copy();
    for (Column<?> c : copy.columns()) {
      if (c instanceof DoubleColumn d) {
        for (int r = 0; r < d.size(); r++) {
          double v = d.getDouble(r);
          if (Double.isFinite(v)) {
            d.set(r, Math.round(v * scale) / scale);
          }
        }
      }
    }
    return copy;
  }

  /** One row per config and repetition: its throughput and counters. */
  static Table repetitions(String name, List<dev.benchbook.results.ConfigResult> configs) {
    Table t = Table.create(name + ": repetitions",
        StringColumn.create("config"), IntColumn.create("rep"), IntColumn.create("fork"),
        LongColumn.create("transitions"), DoubleColumn.create("wall_s"),
        DoubleColumn.create("transitions_per_s"), LongColumn.create("conflicts"),
        LongColumn.create("busy_errors"));
    for (var c : configs) {
      for (var r : c.repetitions()) {
        t.stringColumn("config").append(c.id());
        t.intColumn("rep").append(r.rep());
        if (r.fork().isPresent()) {
          t.intColumn("fork").append(r.fork().get());
        } else {
          t.intColumn("fork").appendMissing();
        }
        t.longColumn("transitions").append(r.transitions());
        t.doubleColumn("wall_s").append(r.wallS());
        t.doubleColumn("transitions_per_s").append(r.transitionsPerS());
        t.longColumn("conflicts").append(r.conflicts());
        t.longColumn("busy_errors").append(r.busyErrors());
      }
    }
    return t;
  }
}
