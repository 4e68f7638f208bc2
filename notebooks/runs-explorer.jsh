// Generated from runs-explorer.ipynb by `benchbook notebook export runs-explorer.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/runs-explorer.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/runs-explorer.jsh

// %% [markdown]
// # Runs explorer: questions across every past run
//
// Every results file under `data/` (sub-folders too) loaded at once: which runs there are, how the
// per-worker baseline's P95 `lock_wait` grows with workers across runs, which strategy won each
// mitigation run, and a cell for your own question. Tables are Tablesaw tables: filter them with
// `where`, group with `summarize(...).by(...)`.
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/runs-explorer.ipynb`
// writes `reports/notebooks/runs-explorer.ipynb` with every output (the committed copy is there, readable
// on any Git host without running anything). In Jupyter: open it with a Java kernel whose
// kernelspec is `java` (benchbook's own, see the README), from the repo root or from `notebooks/`.
// As a script: `./benchbook shell notebooks/runs-explorer.jsh` (generated from this notebook by
// `./benchbook notebook export`).

// %%
var runs = Benchbook.loadAll("data");
var index = Table.create("runs under data/", StringColumn.create("run"),
    StringColumn.create("kind"), IntColumn.create("configs"), BooleanColumn.create("raw_rows"));
for (var r : runs) {
  index.stringColumn("run").append(r.name());
  index.stringColumn("kind").append(r.run().kind());
  index.intColumn("configs").append(r.run().allConfigs().size());
  index.booleanColumn("raw_rows").append(r.hasRowsFile());
}
index

// %% [markdown]
// ## The baseline's lock queue, run after run
//
// P95 and P99 `lock_wait` of every per-worker (baseline) config in every run, with its throughput.

// %%
var stats = Benchbook.stats(runs);
var baselines = stats.where(stats.stringColumn("segment").isEqualTo("lock_wait_ms")
    .and(stats.stringColumn("strategy").isEqualTo("per-worker")));
baselines.selectColumns("run", "config", "concurrency", "p95_ms", "p99_ms", "transitions_per_s")

// %%
var chart = new org.knowm.xchart.XYChartBuilder().width(800).height(500)
    .title("P95 lock_wait of the per-worker baseline against workers, one line per run")
    .xAxisTitle("workers").yAxisTitle("P95 lock_wait (ms)").build();
chart.getStyler().setYAxisLogarithmic(true);
for (String run : baselines.stringColumn("run").unique().asList()) {
  var points = baselines.where(baselines.stringColumn("run").isEqualTo(run)
      .and(baselines.doubleColumn("p95_ms").isGreaterThan(0))).sortAscendingOn("concurrency");
  if (points.rowCount() > 1) {
    chart.addSeries(run, points.numberColumn("concurrency").asDoubleArray(),
        points.doubleColumn("p95_ms").asDoubleArray());
  }
}
chart

// %% [markdown]
// ## Which strategy won each mitigation run
//
// The config with the lowest P99 `lock_wait` per mitigation run, among atomic strategies with
// full statistics (the seed's reconstructed file has P95s only, so it has no entry here).

// %%
var winners = Table.create("lowest P99 lock_wait per mitigation run", StringColumn.create("run"),
    StringColumn.create("config"), DoubleColumn.create("p99_lock_wait_ms"),
    DoubleColumn.create("transitions_per_s"));
for (var r : runs) {
  if (!r.run().kind().equals("mitigation")) {
    continue;
  }
  r.run().allConfigs().stream().filter(ConfigResult::atomic)
      .filter(c -> c.segment(Segment.LOCK_WAIT).complete())
      .min(Comparator.comparingDouble(c -> c.segment(Segment.LOCK_WAIT).p99()))
      .ifPresent(best -> {
        winners.stringColumn("run").append(r.name());
        winners.stringColumn("config").append(best.id());
        winners.doubleColumn("p99_lock_wait_ms").append(best.segment(Segment.LOCK_WAIT).p99());
        winners.doubleColumn("transitions_per_s").append(best.transitionsPerS());
      });
}
winners

// %% [markdown]
// ## Your question
//
// Change this cell: every config and segment of every run is in `stats`. For example, the configs
// whose P95 `db_total` is above 10 ms:

// %%
stats.where(stats.stringColumn("segment").isEqualTo("db_total_ms")
    .and(stats.doubleColumn("p95_ms").isGreaterThan(10)))
    .selectColumns("run", "config", "p95_ms", "p99_ms")

/exit
