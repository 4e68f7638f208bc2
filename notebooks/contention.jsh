// Generated from contention.ipynb by `benchbook notebook export contention.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/contention.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/contention.jsh

// %% [markdown]
// # Contention: where the write-lock queue forms, and what each strategy does there
//
// The committed contention runs in `data/contention/` (see `docs/CONTENTION.md`): a concurrency
// sweep from 1 to 32 workers with the `fast` latency profile (log-normal API calls, median 5 ms)
// under four strategies, and the five-repetition comparison of the strategies at 16 workers, the
// contended point.
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/contention.ipynb`
// writes `reports/notebooks/contention.ipynb` with every output (the committed copy is there, readable
// on any Git host without running anything). In Jupyter: open it with a Java kernel whose
// kernelspec is `java` (benchbook's own, see the README), from the repo root or from `notebooks/`.
// As a script: `./benchbook shell notebooks/contention.jsh` (generated from this notebook by
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
var sweep = Benchbook.load("data/contention/results-20261126-210804.json");
Benchbook.sweep(sweep)

// %% [markdown]
// ## The knee per strategy
//
// The knee is the first point whose P95 `lock_wait` is more than 10 times its value at one worker:
// where the queue for the write lock starts to dominate.

// %%
var knees = Benchbook.knees(sweep);
Table.create("knee per strategy: the first worker count with P95 lock_wait over 10x its 1-worker value",
    StringColumn.create("strategy", knees.keySet()),
    StringColumn.create("knee (workers)", knees.values()))

// %%
Benchbook.sweepChart(sweep, "lock_wait_ms")

// %%
Benchbook.sweepChart(sweep, "throughput")

// %% [markdown]
// ## Starvation at the contended point
//
// With a connection per worker, SQLite's busy handler decides who gets the lock next, and it is
// not fair: at 16 workers some workers commit a few transitions while others commit hundreds. The
// shared connection and the writer queue hand the lock out in turn.

// %%
var point = Benchbook.load("data/contention/results-mitigation-20261126-210911.json");
Benchbook.perWorker(point)

// %%
var work = Benchbook.perWorker(point, "c16-fast");
work.where(work.intColumn("rep").isEqualTo(0))

// %% [markdown]
// ## The strategies at 16 workers
//
// Each mitigation against the per-worker baseline, five interleaved repetitions, with intervals
// and verdicts:

// %%
for (var m : Benchbook.mitigations(point)) {
  display(Benchbook.compare(point, Benchbook.baseline(point).id(), m.id()));
}

// %%
Benchbook.throughputChart(point)

/exit
