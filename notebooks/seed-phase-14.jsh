// Seed phase 14: the seed's shared-connection mitigation (818 files, 10 workers, zero latency),
// reconstructed from its published summary, compared and printed as the seed's table.
// Run from the repo root:
//   jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/seed-phase-14.jsh

var run = Benchbook.load("data/seed-phase-14/results-mitigation-20260222-114707.json");

var comparison = Benchbook.compare(run);
System.out.println(Benchbook.table(comparison));

System.out.printf(Locale.ROOT, "Throughput ratio (%s / %s): %.1fx%n",
    comparison.mitigationConfig(), comparison.baselineConfig(), comparison.throughput().ratio());

/exit
