// Generated from phase-analysis.ipynb by `benchbook notebook export phase-analysis.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/phase-analysis.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/phase-analysis.jsh

// %% [markdown]
// # Phase analysis: does the mitigation help, and by how much?
//
// A measured mitigation run (baseline and mitigation strategies, interleaved repetitions, raw rows
// kept) compared the way the phase report does it: P95 deltas with bootstrap intervals and a
// verdict per segment, the throughput ratio with its interval, latency by percentile, and whether
// every worker got its share of the work.
//
// The parameters cell below (tagged `parameters`, papermill's convention) picks the run: by default
// the newest measured mitigation file under `data/` and its first mitigation. Run another with
// `./benchbook notebook run notebooks/phase-analysis.ipynb -p file=data/results-mitigation-20261126-211850.json
// -p mitigation=c10-fast-writer-queue` (the file's mitigations are listed by `Benchbook.mitigations(run)`).
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/phase-analysis.ipynb`
// writes `reports/notebooks/phase-analysis.ipynb` with every output (the committed copy is there, readable
// on any Git host without running anything). In Jupyter: open it with a Java kernel whose
// kernelspec is `java` (benchbook's own, see the README), from the repo root or from `notebooks/`.
// As a script: `./benchbook shell notebooks/phase-analysis.jsh` (generated from this notebook by
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
String file = "";        // a results-mitigation-*.json; "" = the newest measured one under data/
String mitigation = "";  // a mitigation config of that file; "" = its first mitigation

// %%
var run = (file.isEmpty()
    ? Benchbook.newest("data", "mitigation").filter(r -> r.rows().isPresent())
        .orElseThrow(() -> new IllegalStateException("no measured mitigation run under data/;"
            + " make one with ./benchbook mitigate"))
    : Benchbook.load(file));
var baselineId = Benchbook.baseline(run).id();
var mitigationId = mitigation.isEmpty() ? Benchbook.mitigations(run).get(0).id() : mitigation;
var reps = Benchbook.baseline(run).repetitions();
var forks = reps.stream().map(r -> r.fork()).filter(Optional::isPresent).distinct().count();
run.name() + ": " + baselineId + " against " + mitigationId + " (" + reps.size() +
    (reps.size() == 1 ? " repetition" : " repetitions") +
    (forks > 1 ? " in " + forks + " forks" : "") + ")"

// %% [markdown]
// ## Before and after
//
// Each row is a segment of the transition. The interval is a 95% hierarchical bootstrap-t interval
// of the P95 delta: it resamples forks, then repetitions within them, then committed rows, with a
// small-sample (Welch t) correction (docs/STATISTICS.md); "improved" or "regressed" is printed only
// when the whole interval is beyond the noise threshold, "within noise" otherwise, and no verdict
// is given with fewer than 3 repetitions a side.

// %%
var comparison = Benchbook.compare(run, baselineId, mitigationId);
comparison

// %%
Benchbook.p95Chart(comparison)

// %% [markdown]
// ## Throughput of every config in the file
//
// Bars are committed transitions per second (mean of the repetitions), with the ratio to the
// baseline.

// %%
Benchbook.throughputChart(run)

// %% [markdown]
// ## Where the tail is
//
// P95 alone hides the shape: the percentile spectrum of `lock_wait` shows from which percentile
// on each config starts waiting for the write lock.

// %%
Benchbook.spectrum(run, "lock_wait_ms")

// %%
var stats = Benchbook.stats(run);
stats.where(stats.stringColumn("segment").isEqualTo("lock_wait_ms")).selectColumns("config",
    "count", "p50_ms", "p95_ms", "p99_ms", "transitions_per_s")

// %% [markdown]
// ## Did every worker get its share?
//
// A lower P95 can come from starving some workers. Committed transitions per worker, per config
// and repetition: min, max, and Jain's fairness index (1 = equal shares, 1/n = one worker did
// everything).

// %%
Benchbook.perWorker(run)

/exit
