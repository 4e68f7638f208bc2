package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.analysis.Recomparisons;
import dev.benchbook.charts.LatencyThroughputChart;
import dev.benchbook.charts.LockWaitShareChart;
import dev.benchbook.charts.OpenLoopLatencyChart;
import dev.benchbook.charts.P95BeforeAfterChart;
import dev.benchbook.charts.PercentileSpectrumChart;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.charts.SweepChart;
import dev.benchbook.charts.ThroughputChart;
import dev.benchbook.charts.ThroughputOverTimeChart;
import dev.benchbook.charts.WorkPerWorkerChart;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.Manifest;
import dev.benchbook.results.RunFile;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Markdown and charts of one run's report, computed from its results and raw rows. */
record ReportContent(String markdown, List<PlottedChart<?>> charts) {

  /** Builds the content for a run of any kind. */
  static ReportContent of(LoadedRun run, ReportWriter.Links links) {
    return of(run, links, Optional.empty());
  }

  /** Builds the content; a measured mitigation run gets a section comparing it with the seed. */
  static ReportContent of(LoadedRun run, ReportWriter.Links links, Optional<RunFile> seed) {
    RunFile f = run.run();
    List<PlottedChart<?>> charts = new ArrayList<>();
    ReportPage page = new ReportPage();
    switch (f.kind()) {
      case "mitigation":
        mitigation(run, page, charts);
        seed.filter(x -> !f.reconstructed()).ifPresent(x -> SeedComparison.add(f, x, page));
        break;
      case "sweep":
        sweep(run, page, charts);
        break;
      default:
        matrix(run, page, charts);
    }
    profiles(f, page);
    manifest(f, page);
    chartsSection(charts, page);
    sources(run, links, page);
    return new ReportContent(page.toString(), charts);
  }

  /**
   * The one-line headline of a results file, for titles and the index; comparisons are
   * recomputed with the current interval method (see {@link Recomparisons}).
   */
  static String headlineOf(LoadedRun run) {
    RunFile f = run.run();
    if (!f.allComparisons().isEmpty()) {
      return Insights.headline(Recomparisons.of(run), f::config);
    }
    if (f.sweep().isPresent()) {
      return "Sweep of " + f.sweep().get().parameter() + "; knees: "
          + (f.sweep().get().knees().isEmpty() ? "none" : f.sweep().get().knees().toString());
    }
    return Insights.matrixHeadline(f.allConfigs());
  }

  private static void mitigation(LoadedRun run, ReportPage page, List<PlottedChart<?>> charts) {
    RunFile f = run.run();
    ConfigResult baseline = f.baseline().orElseThrow();
    List<Comparison> comparisons = Recomparisons.of(run);
    page.title("Phase report: " + run.name());
    page.paragraph("**" + Insights.headline(comparisons, f::config) + "**");
    Insights.atomicityWarning(f.allConfigs()).ifPresent(w -> page.paragraph("**" + w + "**"));
    if (f.reconstructed()) {
      page.paragraph("Reconstructed from a published summary: aggregates only, no raw rows, so "
          + "this report holds the table and the ratio only."
          + f.manifest().note().map(n -> " Note: " + n).orElse(""));
    }
    performance(f, page);
    page.heading("Benchmark Results: Before vs After");
    for (Comparison c : comparisons) {
      if (comparisons.size() > 1) {
        page.paragraph("### " + c.mitigationConfig());
      }
      page.raw(ComparisonTable.markdown(c));
    }
    if (f.allConfigs().size() > 2) {
      page.raw(Rankings.markdown(f.allConfigs(), comparisons));
    }
    page.paragraph("**Key insight:** " + Insights.keyInsight(baseline, comparisons, f::config));
    if (f.reconstructed()) {
      return;
    }
    contention(f.allConfigs(), page);
    openLoop(run, page, charts);
    for (Comparison c : comparisons) {
      PlottedChart<?> chart = P95BeforeAfterChart.of(c, true);
      charts.add(comparisons.size() > 1 ? chart.named(chart.name() + "-"
          + c.mitigationConfig()) : chart);
    }
    charts.add(ThroughputChart.of(f.allConfigs(), baseline.id()));
    charts.add(LockWaitShareChart.of(f.allConfigs()));
    run.rows().ifPresent(rows -> rowCharts(rows, ids(f.allConfigs()), ids(f.allConfigs()),
        charts));
    run.rows().ifPresent(rows -> charts.add(WorkPerWorkerChart.of(rows, f.allConfigs())));
  }

  private static void matrix(LoadedRun run, ReportPage page, List<PlottedChart<?>> charts) {
    RunFile f = run.run();
    page.title("Run summary: " + run.name());
    page.paragraph("**" + Insights.matrixInsight(f.allConfigs()) + "**");
    Insights.atomicityWarning(f.allConfigs()).ifPresent(w -> page.paragraph("**" + w + "**"));
    performance(f, page);
    page.heading("Results");
    page.raw(RunTable.markdown(f.allConfigs()));
    contention(f.allConfigs(), page);
    openLoop(run, page, charts);
    charts.add(ThroughputChart.of(f.allConfigs(), f.allConfigs().get(0).id()));
    charts.add(LockWaitShareChart.of(f.allConfigs()));
    ConfigResult contended = Contention.mitigationTarget(f.allConfigs());
    run.rows().ifPresent(rows -> rowCharts(rows, ids(f.allConfigs()), List.of(contended.id()),
        charts));
    run.rows().ifPresent(rows -> charts.add(WorkPerWorkerChart.of(rows, List.of(contended))));
  }

  private static void sweep(LoadedRun run, ReportPage page, List<PlottedChart<?>> charts) {
    RunFile f = run.run();
    String parameter = f.sweep().orElseThrow().parameter();
    page.title("Contention sweep: " + run.name());
    page.paragraph("**" + headlineOf(run) + "**");
    Insights.atomicityWarning(f.allConfigs()).ifPresent(w -> page.paragraph("**" + w + "**"));
    performance(f, page);
    page.heading("Results");
    List<dev.benchbook.analysis.SweepPoint> points = SweepPoints.of(f);
    page.raw(SweepTable.markdown(parameter, points));
    if (dev.benchbook.analysis.RunSummarizer.RATE.equals(parameter)) {
      List<dev.benchbook.analysis.RatePoint> rates = dev.benchbook.analysis.RateSweeps.points(
          f.allConfigs(), f.sweep().get().values());
      page.heading("Latency vs throughput (open loop)").raw(RateSweepTable.markdown(rates));
      charts.add(LatencyThroughputChart.of(rates));
    }
    contention(f.allConfigs(), page);
    openLoop(run, page, charts);
    charts.add(SweepChart.throughput(f.sweep().get(), points));
    charts.add(SweepChart.lockWait(f.sweep().get(), points));
  }

  /**
   * The open-loop section, when a config ran open-loop: requested vs achieved rate, queue_wait
   * and response percentiles, how to read them, and the response-vs-service chart.
   */
  private static void openLoop(LoadedRun run, ReportPage page, List<PlottedChart<?>> charts) {
    List<ConfigResult> open = OpenLoopTable.openLoop(run.run().allConfigs());
    if (open.isEmpty()) {
      return;
    }
    page.heading("Open loop: latency from the intended start")
        .raw(OpenLoopTable.markdown(open)).paragraph(OpenLoopTable.legend());
    run.rows().filter(r -> r.has(dev.benchbook.rows.Column.RESPONSE_NS))
        .ifPresent(rows -> charts.add(OpenLoopLatencyChart.of(rows, ids(open))));
  }

  /** "Where the time went", when the run was recorded with --jfr. */
  private static void profiles(RunFile f, ReportPage page) {
    if (f.profiles().isEmpty()) {
      return;
    }
    page.heading("Where the time went (JFR)").raw(ProfileTable.categories(f.profiles()))
        .raw(ProfileTable.waits(f.profiles())).raw(ProfileTable.topFrames(f.profiles()))
        .paragraph(ProfileTable.legend(f.jfrFile().orElse("the recording")));
  }

  /** The contention and fairness table with its legend, when the configs have lock_wait. */
  private static void contention(List<ConfigResult> configs, ReportPage page) {
    String table = FairnessTable.markdown(configs);
    if (!table.isEmpty()) {
      page.heading("Contention and fairness").raw(table).paragraph(FairnessTable.legend());
    }
  }

  /**
   * Charts drawn from raw rows: percentile spectra of {@code ids}, and throughput over time of
   * {@code overTimeIds}' first repetition (configs of one scale, so stalls stay visible).
   */
  private static void rowCharts(RawRows rows, List<String> ids, List<String> overTimeIds,
      List<PlottedChart<?>> charts) {
    charts.add(PercentileSpectrumChart.of(rows, Segment.LOCK_WAIT, ids));
    charts.add(PercentileSpectrumChart.of(rows, Segment.FSM_NET, ids));
    charts.add(ThroughputOverTimeChart.of(rows, ThroughputOverTimeChart.DEFAULT_BUCKET_MS,
        overTimeIds, List.of(0)));
  }

  private static List<String> ids(List<ConfigResult> configs) {
    return configs.stream().map(ConfigResult::id).toList();
  }

  private static void performance(RunFile f, ReportPage page) {
    Manifest m = f.manifest();
    List<String> items = new ArrayList<>();
    duration(m).ifPresent(d -> items.add("**Duration:** " + d));
    m.startTime().ifPresent(s -> items.add("**Started:** " + s));
    m.endTime().ifPresent(s -> items.add("**Completed:** " + s));
    List<ConfigResult> configs = f.allConfigs();
    items.add("**Configs:** " + configs.size() + " (" + String.join(", ", ids(configs)) + ")");
    long transitions = configs.stream().mapToLong(ConfigResult::transitions).sum();
    if (transitions > 0) {
      int reps = configs.stream().mapToInt(ConfigResult::reps).max().orElse(1);
      items.add(String.format(Locale.US, "**Transitions:** %,d committed over all configs; "
          + "%d repetition%s per config", transitions, reps, reps == 1 ? "" : "s"));
    }
    ceilingLine(f).ifPresent(items::add);
    CeilingText.groupCommit(f).ifPresent(g -> items.add("**Group-commit probe:** " + g));
    m.workload().ifPresent(w -> items.add(0, "**Workload:** " + w.label()));
    page.heading("Performance").bullets(items);
  }


  private static Optional<String> ceilingLine(RunFile f) {
    java.util.DoubleSummaryStatistics per = f.allConfigs().stream()
        .flatMap(c -> c.ceilingTxPerS().stream()).mapToDouble(Double::doubleValue)
        .summaryStatistics();
    if (per.getCount() > 0 && per.getMin() != per.getMax()) {
      return Optional.of(String.format(Locale.US, "**Ceiling probes:** %,.0f to %,.0f tx/s, one "
          + "per synchronous and hold setting (one connection, %s); each "
          + "config's %% of ceiling uses its own", per.getMin(), per.getMax(), CeilingText.shape(f)));
    }
    return f.ceilingTxPerS().map(c -> String.format(Locale.US, "**Ceiling probe:** %,.0f tx/s "
        + "(one connection, %s)", c, CeilingText.shape(f)));
  }


  private static Optional<String> duration(Manifest m) {
    if (m.startTime().isEmpty() || m.endTime().isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.between(Instant.parse(m.startTime().get()),
          Instant.parse(m.endTime().get()));
      long s = d.getSeconds();
      return Optional.of(s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : String.format(
          Locale.ROOT, "%.1f s", d.toMillis() / 1000.0));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void manifest(RunFile f, ReportPage page) {
    Manifest m = f.manifest();
    List<String> items = new ArrayList<>();
    items.add("**benchbook:** " + m.toolVersion() + m.gitCommit().map(c -> ", commit "
        + c.substring(0, Math.min(12, c.length())) + m.gitDirty().map(d -> d ? " (dirty)" : "")
        .orElse("")).orElse(""));
    m.cpuModel().ifPresent(c -> items.add("**CPU:** " + c + m.cores().map(n -> ", " + n
        + " cores").orElse("")));
    m.os().ifPresent(o -> items.add("**OS:** " + o));
    m.jvm().ifPresent(j -> items.add("**JVM:** " + j + (m.jvmArgs().isEmpty() ? ""
        : " (" + String.join(" ", m.jvmArgs()) + ")")));
    m.sqliteVersion().ifPresent(v -> items.add("**SQLite:** " + v + (m.pragmas().isEmpty() ? ""
        : ", " + m.pragmas().toString().replaceAll("[{}]", ""))));
    m.seed().ifPresent(s -> items.add("**Seed:** " + s));
    if (!m.parameters().isEmpty()) {
      items.add("**Parameters:** " + m.parameters().toString().replaceAll("[{}]", ""));
    }
    page.heading("Machine and build").bullets(items);
  }

  private static void chartsSection(List<PlottedChart<?>> charts, ReportPage page) {
    if (charts.isEmpty()) {
      return;
    }
    page.heading("Charts");
    for (PlottedChart<?> c : charts) {
      page.paragraph("![" + c.name() + "](" + c.name() + ".png)\n\n[SVG](" + c.name()
          + ".svg) | [data (CSV)](" + c.name() + ".csv)");
    }
  }

  private static void sources(LoadedRun run, ReportWriter.Links links, ReportPage page) {
    List<String> items = new ArrayList<>();
    items.add("[" + run.path().getFileName() + "](" + links.to(run.path()) + ")");
    run.rowsPath().filter(p -> run.hasRowsFile()).ifPresent(p -> items.add("["
        + p.getFileName() + "](" + links.to(p) + ")"));
    run.run().jfrFile().map(run.path()::resolveSibling).filter(java.nio.file.Files::isRegularFile)
        .ifPresent(p -> items.add("[" + p.getFileName() + "](" + links.to(p) + ")"));
    page.heading("Sources").bullets(items);
  }
}
