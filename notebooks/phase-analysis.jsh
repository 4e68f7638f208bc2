// Phase analysis: the newest measured mitigation run under data/ (one with raw rows), or, when
// there is none, a tiny run measured now into a temp folder (4 workers, 40 files, 3 reps).
// Compares the configs, summarizes the raw rows with benchbook's P95 and saves one chart.
// Run from the repo root:
//   jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/phase-analysis.jsh

var work = Files.createTempDirectory("benchbook-notebook-");
var newest = Benchbook.newest("data", "mitigation").filter(r -> r.rows().isPresent());
var run = (newest.isPresent() ? newest.get() :
    Benchbook.write(Benchbook.mitigate(4, "zero", 40, 3, "shared-connection", "writer-queue"),
        work.resolve("data").toString()));
System.out.println("Run: " + run.name() + "; configs: " + run.run().allConfigs().stream()
    .map(ConfigResult::id).toList());

var comparison = Benchbook.compare(run);
System.out.println(Benchbook.table(comparison));

for (Comparison c : run.run().allComparisons()) {
  System.out.printf(Locale.ROOT, "%s vs %s: throughput %.2fx%n", c.mitigationConfig(),
      c.baselineConfig(), c.throughput().ratio());
}

var rows = Benchbook.rows(run);
var committed = rows.where(rows.stringColumn("outcome").isEqualTo("committed"));
var p95ByConfig = committed.summarize("lock_wait_ms", "db_total_ms", "fsm_net_ms",
    BenchAggregates.P95).by("config");
System.out.println(p95ByConfig.printAll());

var stats = Benchbook.stats(run);
System.out.println(stats.where(stats.stringColumn("segment").isEqualTo("lock_wait_ms"))
    .selectColumns("config", "count", "p50_ms", "p95_ms", "p99_ms", "transitions_per_s")
    .printAll());

var chart = Benchbook.p95Chart(comparison);
var saved = Benchbook.save(chart, work.resolve("charts").toString());
System.out.println("Saved " + saved.png());

/exit
