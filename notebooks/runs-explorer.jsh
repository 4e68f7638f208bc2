// Generated from runs-explorer.ipynb by `benchbook notebook export runs-explorer.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/runs-explorer.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/runs-explorer.jsh

// %% [markdown]
// # Runs explorer: questions across every past run, in SQL
//
// `Benchbook.query(sql)` runs one read-only SQL statement over every results file under `data/`
// (sub-folders too) and returns a Tablesaw table with typed columns. It reads a SQLite catalog
// derived from `data/` (`data/.benchbook-catalog.db`, git-ignored), brought up to date before each
// query: only files that changed are read again. Tables and columns are in `docs/CATALOG.md`:
// `runs`, `configs`, `segment_stats`, and the raw `rows` of every measured run.
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/runs-explorer.ipynb`
// writes `reports/notebooks/runs-explorer.ipynb` with every output (the committed copy is there, readable
// on any Git host without running anything). In Jupyter: open it with a Java kernel whose
// kernelspec is `java` (benchbook's own, see the README), from the repo root or from `notebooks/`.
// As a script: `./benchbook shell notebooks/runs-explorer.jsh` (generated from this notebook by
// `./benchbook notebook export`).

// %%
// %jars ../target/benchbook.jar target/benchbook.jar  (a notebook magic: add the path to jshell's --class-path instead)
// Any Java kernel: benchbook's jar (for IJava, from notebooks/ or the repo; benchbook's kernel
// has it already), the session's imports, and benchbook's display rules (charts as images,
// tables as HTML, comparisons as Markdown) registered with the kernel.
import dev.benchbook.api.*;
import dev.benchbook.results.*;
import dev.benchbook.analysis.*;
import dev.benchbook.charts.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import java.nio.file.*;
import java.util.*;
import static dev.benchbook.notebook.Display.display;
import static dev.benchbook.notebook.Help.help;
dev.benchbook.notebook.KernelRenderers.install();

// %%
Benchbook.query("SELECT name, kind, created_at, reps, raw_rows FROM runs ORDER BY created_at")

// %% [markdown]
// ## The baseline's lock queue, run after run
//
// P95 and P99 `lock_wait` of every per-worker (baseline) config of every run, oldest run first.
// The chart draws one line per run and workload (latency profile, and work held inside the write
// transaction) measured at two or more worker counts: configs of different workloads measured at
// the same worker count are different experiments, so they are never joined into one line.

// %%
var trend = Benchbook.query("""
    SELECT r.name AS run,
           c.profile || CASE WHEN c.hold_ms > 0 THEN printf(', hold %g ms', c.hold_ms) ELSE '' END
             AS workload,
           c.config, c.concurrency, s.p95_ms, s.p99_ms,
           count(*) OVER (PARTITION BY r.run_id, c.profile, c.hold_ms) AS points
    FROM runs r
    JOIN configs c ON c.run_id = r.run_id AND c.strategy = 'per-worker'
    JOIN segment_stats s
      ON s.run_id = c.run_id AND s.config = c.config AND s.segment = 'lock_wait_ms'
    ORDER BY r.created_at, c.concurrency, c.config""");
trend

// %%
trend.addColumns(trend.stringColumn("run").join(": ", trend.stringColumn("workload"))
    .setName("series"));
var lines = trend.where(trend.intColumn("points").isGreaterThan(1)
    .and(trend.doubleColumn("p95_ms").isGreaterThan(0)));
var chart = Benchbook.line(lines, "concurrency", "p95_ms", "series");
var xy = (XYChart) chart.chart();
xy.setTitle("P95 lock_wait of the baseline, per run and workload");
xy.setXAxisTitle("workers (log scale)");
xy.setYAxisTitle("P95 lock_wait (ms, log scale)");
xy.getStyler().setXAxisLogarithmic(true);
xy.getStyler().setYAxisLogarithmic(true);
chart

// %% [markdown]
// ## Which strategy won each mitigation run
//
// The one winner rule every report uses (docs/STATISTICS.md, "Which one won"): a strategy wins
// when it was judged better (a verdict, not a figure within noise) on P95 lock_wait, starvation or
// throughput, with no regression. The catalog stores each mitigation's outcome and place under
// that rule; the seed's reconstructed file has no intervals, so it is "not judged".

// %%
Benchbook.query("""
    SELECT r.name AS run, c.strategy, k.mitigation_config AS config, k.outcome,
           round(w.delta_pct, 1) AS lock_wait_p95_delta_pct, round(k.throughput_ratio, 2) AS ratio
    FROM runs r
    JOIN comparisons k ON k.run_id = r.run_id AND k.place = 1
    JOIN configs c ON c.run_id = k.run_id AND c.config = k.mitigation_config
    LEFT JOIN comparison_segments w
      ON w.run_id = k.run_id AND w.comparison = k.comparison AND w.segment = 'lock_wait_ms'
    WHERE r.kind = 'mitigation'
    ORDER BY r.created_at""")

// %% [markdown]
// ## Work per worker, from the raw rows
//
// Committed transitions per worker over the five repetitions of the 16-worker baseline in
// `data/contention/`: the starvation `contention` shows, counted in SQL from the raw rows.

// %%
Benchbook.query("""
    SELECT w.worker, count(*) AS committed
    FROM runs r
    JOIN configs c ON c.run_id = r.run_id AND c.role = 'baseline'
    JOIN rows w ON w.config_key = c.config_key
    WHERE r.name = 'results-mitigation-20261126-210911' AND w.committed
    GROUP BY w.worker
    ORDER BY committed""")

// %% [markdown]
// ## Your question
//
// Change this cell. For example, P95 of the whole transition (`fsm_net`) per config, recomputed
// from the raw rows with SQLite's `percentile_cont` (numpy's linear method, as everywhere in
// benchbook), beside the stored P95:

// %%
Benchbook.query("""
    SELECT r.name AS run, c.config, p.p95_ms AS p95_from_rows_ms, s.p95_ms AS stored_p95_ms
    FROM (SELECT config_key, percentile_cont(fsm_net_ns, 0.95) / 1e6 AS p95_ms
          FROM rows WHERE committed GROUP BY config_key) p
    JOIN configs c ON c.config_key = p.config_key
    JOIN runs r ON r.run_id = c.run_id
    JOIN segment_stats s
      ON s.run_id = c.run_id AND s.config = c.config AND s.segment = 'fsm_net_ms'
    ORDER BY r.created_at, c.position""")

/exit
