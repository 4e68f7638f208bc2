package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.analysis.WorkPerWorker;
import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.Engine;
import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.LakeReport;
import dev.benchbook.charts.ChartExport;
import dev.benchbook.charts.ExportedChart;
import dev.benchbook.charts.P95BeforeAfterChart;
import dev.benchbook.charts.PercentileSpectrumChart;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.charts.SweepChart;
import dev.benchbook.charts.ThroughputChart;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsWriter;
import dev.benchbook.results.RowsTable;
import dev.benchbook.results.StatsTable;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.rows.Segment;
import dev.benchbook.runtime.Forks;
import dev.benchbook.runtime.MachineInfo;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * The one-line entry points for notebooks, JShell and the CLI: run a plan, load results,
 * compare configs, draw charts, write reports.
 *
 * <p>In a notebook: {@code var run = Benchbook.load("data/results-mitigation-....json");}
 * then {@code Benchbook.table(Benchbook.compare(run))}, {@code Benchbook.stats(run)} or
 * {@code Benchbook.p95Chart(Benchbook.compare(run))}. Relative paths are looked up from the
 * working directory, then from its parents (a notebook opened from {@code notebooks/}).
 */
public final class Benchbook {

  private Benchbook() {
  }

  /** Runs a plan and summarises it into a results file (not yet written) with its raw rows. */
  public static Measured run(RunPlan plan, Map<String, Object> parameters, RunControl control,
      ProgressListener listener, Summary summary)
      throws IOException, SQLException, InterruptedException {
    MachineInfo machine = MachineInfo.collect();
    RunOutcome outcome = Forks.run(plan, control, listener);
    return new Measured(summary.summarize(outcome, machine, parameters), outcome.rows());
  }

  /**
   * As {@link #run(RunPlan, Map, RunControl, ProgressListener, Summary)}, but always in fresh
   * child JVMs ({@code plan.forks()} of them, at least one): what a separate {@code run}
   * command would measure, for A/A calibration across runs.
   */
  public static Measured runInFreshJvms(RunPlan plan, Map<String, Object> parameters,
      RunControl control, ProgressListener listener, Summary summary)
      throws IOException, SQLException, InterruptedException {
    MachineInfo machine = MachineInfo.collect();
    RunOutcome outcome = Forks.inChildren(plan, control, listener);
    return new Measured(summary.summarize(outcome, machine, parameters), outcome.rows());
  }

  /** Runs a plan quietly and summarises it as a matrix file. */
  public static Measured runMatrix(RunPlan plan)
      throws IOException, SQLException, InterruptedException {
    return run(plan, Map.of(), new RunControl(), ProgressListener.NONE, Summary.matrix());
  }

  /** Runs the baseline over concurrency x profiles, {@code files} files each, one rep, quietly. */
  public static Measured runMatrix(List<Integer> concurrency, List<String> profiles, int files)
      throws IOException, SQLException, InterruptedException {
    return plan().concurrency(concurrency.stream().mapToInt(Integer::intValue).toArray())
        .profile(profiles.toArray(String[]::new)).files(files).run();
  }

  /** Runs the baseline and mitigations (default shared-connection) on one config, quietly. */
  public static Measured mitigate(int concurrency, String profile, int files, int reps,
      String... strategies) throws IOException, SQLException, InterruptedException {
    return plan().concurrency(concurrency).profile(profile).files(files).reps(reps)
        .mitigate(strategies);
  }

  /**
   * A quick run with every workload knob, e.g. {@code Benchbook.plan().concurrency(4, 16)
   * .profile("fast").holdMs(1).files(400).reps(3).run()} or {@code ...mitigate("writer-queue")}.
   */
  public static PlanBuilder plan() {
    return new PlanBuilder();
  }

  /**
   * Runs a whole phase (matrix, contended scenario, mitigations on the most contended config in
   * fresh JVMs, comparison, report) quietly and returns what it wrote, e.g. {@code
   * Benchbook.phase(PhaseSpec.standard(Path.of("/tmp/data"), Path.of("/tmp/reports")))}, about
   * 3 minutes on 2 cores; {@code withMatrix}, {@code withScenario}, {@code withMitigations} and
   * {@code withSettings} make it smaller.
   */
  public static Phase.Result phase(PhaseSpec spec) throws Exception {
    return Phase.run(spec);
  }

  /**
   * A measurement of your own workload (docs/WORKLOADS.md, "Your code in the loop"), e.g.
   * {@code Benchbook.measure(myWorkload).concurrency(1, 10).reps(5).run()}: the same knobs as
   * {@link #plan()}, a run every one-liner takes.
   */
  public static Measure measure(dev.benchbook.workload.Workload workload) {
    return new Measure(workload);
  }

  /**
   * A quick run of a workload file, e.g. {@code Benchbook.measure(Path.of("workloads/job-queue.json"))
   * .concurrency(1, 4).run()}: its flow, schema, seed rows and SQL (docs/WORKLOADS.md); the
   * same knobs and result as {@link #measure(dev.benchbook.workload.Workload)}.
   */
  public static Measure measure(Path workloadFile) throws java.io.IOException {
    return new Measure(dev.benchbook.workload.FsmWorkload.read(workloadFile));
  }

  /** A run just measured (not written) as a run every one-liner takes; its rows stay in memory. */
  public static LoadedRun asRun(Measured measured) {
    return new LoadedRun(Path.of("measured-" + measured.file().kind() + "-not-written.json"),
        measured.file(), Optional.of(measured.rows()));
  }

  /** A fresh mitigation measurement's baseline vs its (first) mitigation, e.g. of {@link #plan()}. */
  public static Comparison compare(Measured measured) {
    return compare(asRun(measured));
  }

  /** Writes a measured run (JSON + raw rows) into {@code dataDir} and loads it back. */
  public static LoadedRun write(Measured measured, String dataDir) throws IOException {
    Path json = new ResultsWriter(Loads.path(dataDir)).writeOrFailKeeping(measured.file(),
        Optional.of(measured.rows()), Optional.empty()).json();
    return load(json.toString());
  }

  /**
   * Writes a run measured in memory (e.g. by {@link #measure}) with its raw rows into
   * {@code dataDir} and loads it back from there.
   */
  public static LoadedRun write(LoadedRun run, String dataDir) throws IOException {
    return write(new Measured(run.run(), run.rows().orElseThrow(() -> new IllegalArgumentException(
        run.path() + " has no raw rows to write"))), dataDir);
  }

  /**
   * The failed attempts of a run by config, edge and what failed (the SQLite error or the
   * exception class your code threw), with their count; empty when nothing failed.
   */
  public static Table failures(LoadedRun run) {
    return Tables.failures(run);
  }

  /** A repo-relative path: as given when it exists, else found from a parent of the cwd. */
  public static Path path(String relative) {
    return Loads.path(relative);
  }

  /** Loads and validates one results file, with its raw rows when its rows file exists. */
  public static LoadedRun load(String file) {
    return Loads.load(file);
  }

  /** Loads every good {@code results-*.json} under a folder; bad files are listed on stderr. */
  public static List<LoadedRun> loadAll(String folder) {
    return Loads.loadAll(folder, System.err);
  }

  /** The newest loadable file of a kind ({@code matrix}, {@code mitigation}, {@code sweep}). */
  public static Optional<LoadedRun> newest(String folder, String kind) {
    return Loads.newest(folder, kind);
  }

  /**
   * The workload a run measured, in one line: name, file (or built-in, or Java class) and the
   * start of its SHA-256, e.g. {@code job-queue (workloads/job-queue.json, sha256 4f0c2a9e1b7d)};
   * files from before workload files ran the built-in upload-index.
   */
  public static String workload(LoadedRun run) {
    return run.run().manifest().workload().map(dev.benchbook.results.WorkloadSource::label)
        .orElse("upload-index (built-in; recorded before workload files)");
  }

  /** A config of a loaded run by id; fails naming the file and its config ids. */
  public static ConfigResult config(LoadedRun run, String id) {
    return Loads.config(run, id);
  }

  /**
   * A mitigation file's baseline config (the file's {@code run().baseline()} is an Optional,
   * empty for matrix and sweep files); fails naming the file and its kind otherwise.
   */
  public static ConfigResult baseline(LoadedRun run) {
    return run.run().baseline().orElseThrow(() -> new IllegalArgumentException(
        run.path().getFileName() + " is a " + run.run().kind() + " file: only mitigation files "
            + "have a baseline; configs: " + Loads.ids(run.run())));
  }

  /** A mitigation file's mitigation configs, in file order (empty for other kinds). */
  public static List<ConfigResult> mitigations(LoadedRun run) {
    List<ConfigResult> out = new ArrayList<>();
    run.run().mitigationRun().ifPresent(out::add);
    out.addAll(run.run().mitigationRuns());
    return out;
  }

  /** Segment stats of the runs as one Tablesaw table (see {@link StatsTable#COLUMNS}). */
  public static Table stats(LoadedRun... runs) {
    return StatsTable.of(List.of(runs));
  }

  /** Segment stats of the runs as one Tablesaw table, e.g. of {@link #loadAll(String)}. */
  public static Table stats(List<LoadedRun> runs) {
    return StatsTable.of(runs);
  }

  /** The run's raw rows as a Tablesaw table with ms columns; fails when it has no rows. */
  public static Table rows(LoadedRun run) {
    return RowsTable.toTable(Loads.requireRows(run).rows().orElseThrow(), run.name());
  }

  /**
   * A mitigation file's baseline vs its (first) mitigation run, recomputed with its rows
   * ({@link #compareAll(LoadedRun)} for every mitigation in the file).
   */
  public static Comparison compare(LoadedRun run) {
    return Compares.own(run, CompareOptions.defaults());
  }

  /**
   * A mitigation file's baseline vs every mitigation in it, in file order; shown (as a cell's
   * last expression) as a summary table of all, then each, as {@code compare FILE} prints them.
   */
  public static List<Comparison> compareAll(LoadedRun run) {
    ConfigResult b = baseline(run);
    LoadedRun withRows = run.withRowsIfPresent();
    Set<String> seen = new LinkedHashSet<>();
    List<Comparison> out = new ArrayList<>();
    for (ConfigResult m : mitigations(run)) {
      if (seen.add(m.id())) {
        out.add(compare(withRows, b.id(), m.id()));
      }
    }
    return out;
  }

  /** Two configs of one file, e.g. {@code compare(run, "c1-zero", "c10-zero")}. */
  public static Comparison compare(LoadedRun run, String baselineId, String mitigationId) {
    return compare(run, baselineId, run, mitigationId);
  }

  /**
   * Config {@code baselineId} of {@code a} vs config {@code mitigationId} of {@code b} (two
   * runs: both named).
   */
  public static Comparison compare(LoadedRun a, String baselineId, LoadedRun b,
      String mitigationId) {
    return compare(a, baselineId, b, mitigationId, CompareOptions.defaults());
  }

  /** The same with options (force, noise threshold, seed...); raw rows are added when present. */
  public static Comparison compare(LoadedRun a, String baselineId, LoadedRun b,
      String mitigationId, CompareOptions options) {
    return Compares.between(a, baselineId, b, mitigationId, options);
  }

  /**
   * Any percentile's delta of one segment, with its hierarchical interval and verdict, e.g.
   * {@code percentileDelta(run, "c10-zero", "c10-zero-shared-connection", "lock_wait_ms", 0.99)}.
   * Needs the file's raw rows.
   */
  public static dev.benchbook.analysis.PercentileDelta percentileDelta(LoadedRun run,
      String baselineId, String mitigationId, String segment, double p) {
    return Compares.percentile(run, baselineId, run, mitigationId, segment, p,
        CompareOptions.defaults());
  }

  /**
   * Any percentile's delta of one segment between config {@code baselineId} of {@code a} and
   * {@code mitigationId} of {@code b} (two files, or one twice), with options; needs both
   * files' raw rows. Across two runs the same verdict rules apply as to the P95.
   */
  public static dev.benchbook.analysis.PercentileDelta percentileDelta(LoadedRun a,
      String baselineId, LoadedRun b, String mitigationId, String segment, double p,
      CompareOptions options) {
    return Compares.percentile(a, baselineId, b, mitigationId, segment, p, options);
  }

  /** The seed-style Markdown table, throughput line and intervals sentence. */
  public static String table(Comparison comparison) {
    return ComparisonTable.markdown(comparison);
  }

  /**
   * P95 per segment, both sides side by side and named in the title and legend (config ids;
   * across two runs "A" and "B" with the runs).
   */
  public static PlottedChart<CategoryChart> p95Chart(Comparison comparison) {
    return P95BeforeAfterChart.of(comparison);
  }

  /**
   * The same with the sides named as given, e.g. {@code p95Chart(c, Sides.of(c, "before",
   * "after"))} titles it {@code c16-fast-hold1: before vs after} with series "A: ..." and
   * "B: ..." (a comparison of two loaded runs names them already).
   */
  public static PlottedChart<CategoryChart> p95Chart(Comparison comparison,
      dev.benchbook.results.Sides sides) {
    return P95BeforeAfterChart.of(comparison, false, sides);
  }

  /** Latency by percentile of a segment (e.g. {@code lock_wait_ms}), one line per config. */
  public static PlottedChart<XYChart> spectrum(LoadedRun run, String segment) {
    Segment s = Segment.byKey(segment).orElseThrow(() -> new IllegalArgumentException(
        "no segment '" + segment + "'; segments: " + Arrays.stream(Segment.values())
            .map(Segment::key).toList()));
    LoadedRun loaded = Loads.requireRows(run);
    List<String> ids = loaded.run().allConfigs().stream().map(ConfigResult::id).toList();
    return PercentileSpectrumChart.of(loaded.rows().orElseThrow(), s, ids);
  }

  /** Throughput per config with ratios to the baseline (the file's baseline or first config). */
  public static PlottedChart<CategoryChart> throughputChart(LoadedRun run) {
    List<ConfigResult> configs = run.run().allConfigs();
    String baseline = run.run().baseline().map(ConfigResult::id)
        .orElse(configs.isEmpty() ? "" : configs.get(0).id());
    return ThroughputChart.of(configs, baseline);
  }

  /**
   * The open-loop configs of a run (measured with {@code --rate}): requested, scheduled and
   * achieved rate, whether it kept up, queue_wait and response percentiles beside fsm_net P99.
   */
  public static Table openLoop(LoadedRun run) {
    return OpenLoops.table(run);
  }

  /**
   * Open-loop latency by percentile (HdrHistogram style): response from the intended start
   * (solid) vs service time (dashed) per open-loop config; the gap is the queue.
   */
  public static PlottedChart<XYChart> openLoopChart(LoadedRun run) {
    return OpenLoops.chart(run);
  }

  /** A rate sweep's latency-throughput curve per strategy, knees ringed. */
  public static PlottedChart<XYChart> latencyThroughputChart(LoadedRun run) {
    return OpenLoops.latencyThroughput(run);
  }

  /** A sweep file's points: strategy, value, config, throughput, P95/P99 lock_wait. */
  public static List<SweepPoint> sweepPoints(LoadedRun run) {
    return Sweeps.points(run.run());
  }

  /** The knee per strategy of a sweep file (the value where P95 lock_wait jumps 10x). */
  public static Map<String, String> knees(LoadedRun run) {
    return Sweeps.knees(sweepPoints(run));
  }

  /** A sweep file's points as a table, with a {@code knee} column marking each strategy's knee. */
  public static Table sweep(LoadedRun run) {
    return Tables.sweep(run.name(), sweepPoints(run));
  }

  /**
   * A sweep chart: {@code "lock_wait_ms"} (P95 and P99 lock_wait, log scale) or
   * {@code "throughput"} (committed transitions/s), one line per strategy, knees circled.
   */
  public static PlottedChart<CategoryChart> sweepChart(LoadedRun run, String metric) {
    SweepSpec spec = run.run().sweep().orElseThrow(() -> new IllegalArgumentException(
        run.path().getFileName() + " is a " + run.run().kind() + " file, not a sweep"));
    return switch (metric) {
      case "lock_wait_ms" -> SweepChart.lockWait(spec, sweepPoints(run));
      case "throughput", "transitions_per_s" -> SweepChart.throughput(spec, sweepPoints(run));
      default -> throw new IllegalArgumentException("no sweep chart of '" + metric
          + "'; charts: lock_wait_ms, throughput");
    };
  }

  /**
   * Committed transitions per worker and repetition of one config, from raw rows; the table's
   * name sums up min, max, max/min and Jain's fairness per repetition.
   */
  public static Table perWorker(LoadedRun run, String configId) {
    config(run, configId);
    LoadedRun loaded = Loads.requireRows(run);
    return Tables.perWorker(WorkPerWorker.of(loaded.rows().orElseThrow(), configId));
  }

  /** Per config and repetition: workers, min, max, max/min and Jain's fairness of their work. */
  public static Table perWorker(LoadedRun run) {
    LoadedRun loaded = Loads.requireRows(run);
    return Tables.balance(run.name(), run.run().allConfigs().stream()
        .map(c -> WorkPerWorker.of(loaded.rows().orElseThrow(), c.id())).toList());
  }

  /** A copy of the table with every floating-point column rounded to {@code decimals}. */
  public static Table round(Table table, int decimals) {
    return Tables.round(table, decimals);
  }

  /**
   * Runs one read-only SQL statement over every run under {@code data/} (the catalog is brought
   * up to date first) and returns the rows as a table with typed columns (int, long, double,
   * string, instant, boolean). Tables: docs/CATALOG.md. A query running longer than
   * {@link Catalog#DEFAULT_TIMEOUT} (5 min) is stopped with one line; a damaged catalog is
   * rebuilt from the data folder.
   */
  public static Table query(String sql) {
    return query("data", sql);
  }

  /** The same over the runs under {@code dataDir}. */
  public static Table query(String dataDir, String sql) {
    return Queries.query(dataDir, sql, Map.of(), Catalog.DEFAULT_TIMEOUT, System.err);
  }

  /** The same with values for the statement's named parameters ({@code :name}). */
  public static Table query(String dataDir, String sql, Map<String, String> params) {
    return Queries.query(dataDir, sql, params, Catalog.DEFAULT_TIMEOUT, System.err);
  }

  /** The same, stopped (with one line) when it runs longer than {@code timeout}. */
  public static Table query(String dataDir, String sql, Map<String, String> params,
      Duration timeout) {
    return Queries.query(dataDir, sql, params, timeout, System.err);
  }

  /**
   * The same on the chosen engine: {@code Engine.DUCKDB} brings the data dir's Parquet lake up
   * to date and runs the statement on it with DuckDB, returning the same typed table.
   */
  public static Table query(String dataDir, String sql, Engine engine) {
    return Queries.query(dataDir, sql, Map.of(), engine, System.err);
  }

  /** The same with values for the statement's named parameters, on the chosen engine. */
  public static Table query(String dataDir, String sql, Map<String, String> params,
      Engine engine) {
    return Queries.query(dataDir, sql, params, engine, System.err);
  }

  /** Writes or updates the Parquet lake of {@code dataDir} (the catalog first). */
  public static LakeReport lake(String dataDir) {
    return Queries.lake(dataDir, System.err);
  }

  /** Builds or updates the catalog of {@code dataDir}; bad files are listed on stderr. */
  public static ImportReport catalog(String dataDir) {
    return Queries.catalog(dataDir, System.err);
  }

  /** The chart rendered as an image, for a notebook's image/png display. */
  public static BufferedImage image(PlottedChart<?> chart) {
    return ChartExport.image(chart.chart());
  }

  /** Writes the chart as PNG, SVG and CSV into {@code dir} (created if missing). */
  public static ExportedChart save(PlottedChart<?> chart, String dir) throws IOException {
    return ChartExport.write(chart, Path.of(dir));
  }

  /**
   * Bars of {@code y} per value of {@code x}, one colour per value of {@code series}, over any
   * table (a query result included), e.g. {@code bar(table, "config", "p95_ms", "run")}:
   * every bar sits under its own label; a combination with no row stays empty.
   */
  public static PlottedChart<CategoryChart> bar(Table table, String x, String y, String series) {
    return dev.benchbook.charts.TableCharts.bar(table, x, y, series);
  }

  /** Bars of {@code y} per value of {@code x}, one series. */
  public static PlottedChart<CategoryChart> bar(Table table, String x, String y) {
    return dev.benchbook.charts.TableCharts.bar(table, x, y, null);
  }

  /**
   * {@code y} against {@code x}, one line per value of {@code series}: a numeric x is an axis
   * (each point at its x), any other x a category axis placed by label, gaps where a series has
   * no row.
   */
  public static PlottedChart<?> line(Table table, String x, String y, String series) {
    return dev.benchbook.charts.TableCharts.line(table, x, y, series);
  }

  /** {@code y} against {@code x}, one line. */
  public static PlottedChart<?> line(Table table, String x, String y) {
    return dev.benchbook.charts.TableCharts.line(table, x, y, null);
  }

  /**
   * Long to wide: one row per value of {@code rows}, one column per value of {@code columns},
   * each cell the sum of {@code value}; a pair with no row is missing, e.g.
   * {@code pivot(Benchbook.perWorker(run, "c16-fast"), "worker", "rep", "transitions")}.
   */
  public static Table pivot(Table table, String rows, String columns, String value) {
    return Pivots.pivot(table, rows, columns, value);
  }

  /**
   * One row per config and repetition: fork, transitions, wall_s, transitions_per_s, conflicts,
   * busy_errors (the per-repetition throughput behind each config's figure).
   */
  public static Table repetitions(LoadedRun run) {
    return Tables.repetitions(run.name(), run.run().allConfigs());
  }
}
