// Generated from seed-phase-14.ipynb by `benchbook notebook export seed-phase-14.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/seed-phase-14.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/seed-phase-14.jsh

// %% [markdown]
// # Seed phase 14: one shared connection against a connection per worker
//
// The seed's phase 14 mitigation, reconstructed from its published summary in
// `data/seed-phase-14/`: 818 files moved through the state machine by 10 workers with no API
// latency, every transition one SQLite write transaction in WAL mode. The baseline gives each
// worker its own connection, so workers queue on SQLite's write lock with its busy-handler sleeps;
// the mitigation has them take turns on one connection.
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/seed-phase-14.ipynb`
// writes `reports/notebooks/seed-phase-14.ipynb` with every output (the committed copy is there, readable
// on any Git host without running anything). In Jupyter: open it with a Java kernel whose
// kernelspec is `java` (benchbook's own, see the README), from the repo root or from `notebooks/`.
// As a script: `./benchbook shell notebooks/seed-phase-14.jsh` (generated from this notebook by
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
var run = Benchbook.load("data/seed-phase-14/results-mitigation-20260222-114707.json");
var comparison = Benchbook.compare(run);
comparison

// %% [markdown]
// That is the seed's table, recomputed from the file: P95 `lock_wait` falls from 40.65 ms to
// 0.77 ms, and with it the whole transition (`fsm_net`). The lock queue was the transition.
// Throughput moves the same way:

// %%
String.format(Locale.ROOT, "%s / %s: %.1fx the committed transitions per second",
    comparison.mitigationConfig(), comparison.baselineConfig(), comparison.throughput().ratio())

// %% [markdown]
// ## What one repetition cannot tell
//
// The seed measured each side once and published P95s, not raw latencies. A verdict needs to know
// how much P95 and throughput move between repetitions of the same config, so benchbook computes
// confidence intervals and verdicts only from at least 3 repetitions per config. This file has
// one, and benchbook says so instead of printing "improved":

// %%
comparison.intervals()

// %% [markdown]
// The size of the effect makes the direction hard to doubt, but "8.7x" is one draw. The
// measured phase in `phase-analysis` (5 interleaved repetitions, raw rows) gives intervals and
// verdicts for the same question.
//
// ## P95 per segment, before and after

// %%
Benchbook.p95Chart(comparison)

/exit
