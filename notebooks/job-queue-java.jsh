// Generated from job-queue-java.ipynb by `benchbook notebook export job-queue-java.ipynb --to jsh`: edit the notebook, then export again.
// Run from the repo root: ./benchbook shell notebooks/job-queue-java.jsh
//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/job-queue-java.jsh

// %% [markdown]
// # Your code in the loop: a job queue in Java
//
// benchbook measures code it did not write. Here the transition is **your Java code**: a job
// queue with leases (the one of `workloads/job-queue.json`, written as a Java `Workload`): a
// worker claims the next queued job (`SELECT ... LIMIT 1`, then an optimistic `UPDATE`), renews
// its lease with a heartbeat, and completes it. benchbook times your dispatch hook as
// `fsm_dispatch`, your external call as `api`, and runs your DB step inside the chosen
// strategy's transaction (`db_total`, with `lock_wait` measured by the strategy), under every
// strategy, unchanged (docs/WORKLOADS.md, "Your code in the loop").
//
// **Run it.** Headless from the repo root: `./benchbook notebook run notebooks/job-queue-java.ipynb`
// writes `reports/notebooks/job-queue-java.ipynb`. In Jupyter: open it with a Java kernel (benchbook's
// or IJava), from the repo root or from `notebooks/`. It measures live (a few seconds): the charts
// show this machine's numbers; the text outputs are the facts that do not depend on the machine.

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
int jobs = 60;

// %% [markdown]
// ## The workload
//
// Three types from `dev.benchbook.workload`: the `Workload` gives the flow (states and one edge
// out of each non-terminal state), the `Schema` (tables, the seed row of each job, and a query
// that lists broken invariants after every pass) and one `Transitions` per worker: `dispatch`
// chooses the edge, `call` is the external call, and the `DbStep` writes. The worker's item `file`
// is a claim slot: which job it gets is up to the `SELECT`.

// %%
import dev.benchbook.workload.*;
// Flow by name: IJava (like the jshell tool) starts with import java.util.concurrent.*, whose
// Flow would make the name ambiguous and the class below would not compile there.
import dev.benchbook.workload.Flow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

class JobQueue implements Workload {
  static final Flow FLOW = new Flow("job-queue-java",
      List.of("QUEUED", "LEASED", "RENEWED", "DONE", "DEAD"),
      List.of(new Edge(0, 1, false, -1, "claim"), new Edge(1, 2, true, -1, "heartbeat"),
          new Edge(2, 3, true, -1, "complete")), 0, 3, 4, 1);
  final int buggyJob;

  JobQueue(int buggyJob) { this.buggyJob = buggyJob; }

  public String name() { return FLOW.name(); }
  public Flow flow() { return FLOW; }

  public Schema schema() {
    return Schema.of(List.of(
        "CREATE TABLE jobs (id INTEGER PRIMARY KEY, priority INTEGER NOT NULL, state TEXT NOT NULL, "
            + "owner INTEGER, lease_until_ms INTEGER, claims INTEGER NOT NULL DEFAULT 0, "
            + "heartbeats INTEGER NOT NULL DEFAULT 0, finished_ms INTEGER)",
        "CREATE INDEX jobs_queue ON jobs (state, priority DESC, id)",
        "CREATE TABLE job_events (job_id INTEGER NOT NULL, to_state TEXT NOT NULL, "
            + "worker INTEGER NOT NULL, UNIQUE (job_id, to_state))"),
        "INSERT INTO jobs (id, priority, state) VALUES (:file_id, :file_id % 3, :state)",
        "SELECT 'job ' || id || ' ended ' || state FROM jobs WHERE state <> 'DONE' OR claims <> 1 "
            + "UNION ALL SELECT 'job ' || job_id || ' has ' || count(*) || ' events' "
            + "FROM job_events GROUP BY job_id HAVING count(*) <> 3");
  }

  public Transitions transitions(LatencyProfile profile, double failureProbability) {
    return new Transitions() {
      int job = -1;   // the job this worker holds

      public void dispatch(Step step, SplittableRandom rng) {
        step.to = step.from + 1;                 // claim, heartbeat, complete
        step.callsApi = step.from > 0 && !profile.isZero();
      }

      public void call(Step step, SplittableRandom rng) {
        java.util.concurrent.locks.LockSupport.parkNanos(profile.drawNs(rng));
      }

      public Optional<DbStep> dbStep() {
        return Optional.of((step, tx) -> step.from == 0 ? claim(tx) : advance(step, tx));
      }

      boolean claim(Transaction tx) throws Exception {
        ResultSet next = tx.prepare("SELECT id FROM jobs WHERE state = 'QUEUED' "
            + "ORDER BY priority DESC, id LIMIT 1").executeQuery();
        int id = next.next() ? next.getInt(1) : -1;
        next.close();
        PreparedStatement take = tx.prepare("UPDATE jobs SET state = 'LEASED', owner = ?, "
            + "lease_until_ms = ?, claims = claims + 1 WHERE id = ? AND state = 'QUEUED'");
        take.setInt(1, tx.worker());
        take.setLong(2, System.currentTimeMillis() + 30_000);
        take.setInt(3, id);
        if (take.executeUpdate() != 1) {
          return false;                          // someone else took it: a conflict, retried
        }
        job = id;
        return event(tx, "LEASED");
      }

      boolean advance(Step step, Transaction tx) throws Exception {
        PreparedStatement move = tx.prepare("UPDATE jobs SET state = ?, heartbeats = heartbeats + ?, "
            + "lease_until_ms = ?, finished_ms = ? WHERE id = ? AND owner = ? AND state = ?");
        boolean done = step.to == 3;
        move.setString(1, done ? "DONE" : "RENEWED");
        move.setInt(2, done ? 0 : 1);
        move.setObject(3, done ? null : System.currentTimeMillis() + 30_000);
        move.setObject(4, done ? System.currentTimeMillis() : null);
        move.setInt(5, job);
        move.setInt(6, tx.worker());
        move.setString(7, done ? "RENEWED" : "LEASED");
        if (move.executeUpdate() != 1) {
          return false;
        }
        event(tx, done ? "DONE" : "RENEWED");
        if (done && job == buggyJob && !failedOnce) {
          failedOnce = true;
          event(tx, "DONE");                     // the bug: a second DONE event (UNIQUE)
        }
        return true;
      }

      boolean event(Transaction tx, String state) throws Exception {
        PreparedStatement e = tx.prepare("INSERT INTO job_events VALUES (?, ?, ?)");
        e.setInt(1, job);
        e.setString(2, state);
        e.setInt(3, tx.worker());
        return e.executeUpdate() == 1;
      }
    };
  }

  boolean failedOnce;
}

// %% [markdown]
// ## Measure it: three lines
//
// `Benchbook.measure` takes the knobs of `Benchbook.plan()` and returns a run every one-liner
// takes (`stats`, `compare`, charts, `failures`, `write`). The baseline strategy (per-worker
// connections) at 1 and 4 workers; after every pass benchbook checked the schema's invariants
// (every job DONE once, three events each) and `PRAGMA integrity_check`.

// %%
var run = Benchbook.measure(new JobQueue(-1)).concurrency(1, 4).files(jobs).run();
run.run().configs().stream().map(c -> c.id() + ": " + c.transitions() + " transitions committed, "
    + c.repetitions().get(0).filesTerminal() + " jobs DONE").toList()

// %% [markdown]
// Per raw row (one per attempt) the segments nest: `lock_wait <= db_total <= fsm_net`.

// %%
var rows = run.rows().orElseThrow();
long broken = java.util.stream.IntStream.range(0, rows.size()).filter(i ->
    rows.longs(dev.benchbook.rows.Column.LOCK_WAIT_NS)[i] > rows.longs(dev.benchbook.rows.Column.DB_TOTAL_NS)[i]
    || rows.longs(dev.benchbook.rows.Column.DB_TOTAL_NS)[i] > rows.longs(dev.benchbook.rows.Column.FSM_NET_NS)[i]).count();
"rows where lock_wait <= db_total <= fsm_net does not hold: " + broken

// %%
Benchbook.spectrum(run, "db_total_ms")

// %%
Benchbook.throughputChart(run)

// %% [markdown]
// ## The same code under a mitigation
//
// No change to the workload: the writer queue runs every worker's DB step on its one writer
// thread, each in a savepoint, committed in groups. Three interleaved repetitions of the
// baseline and the writer queue at 4 workers; the chart shows their P95 per segment.

// %%
var mit = Benchbook.measure(new JobQueue(-1)).concurrency(4).files(jobs).reps(3).mitigate(
    "writer-queue");
Benchbook.mitigations(mit).stream().map(c -> c.id() + ": " + c.transitions() + " transitions in "
    + c.reps() + " repetitions").toList()

// %%
Benchbook.p95Chart(Benchbook.compare(mit))

// %% [markdown]
// ## When your code fails
//
// A bug: completing job 7 writes its DONE event twice, which the `UNIQUE (job_id, to_state)`
// constraint refuses. That attempt is rolled back and recorded as `failed` with the SQLite
// error (`SQLITE_CONSTRAINT_UNIQUE`, code 2067, in the rows' `error` column and the manifest's
// `errors`); the worker retries it and the run goes on. An exception your code throws is
// recorded the same way with its class name; code that never returns is stopped once one
// transition outlasts the duration bound, with a message naming the edge.

// %%
var buggy = Benchbook.measure(new JobQueue(7)).concurrency(1).files(jobs).run();
var failures = Benchbook.failures(buggy);
failures.where(failures.stringColumn("outcome").isEqualTo("failed"))

// %%
buggy.run().manifest().errors().orElseThrow()

// %% [markdown]
// Keep a run: `Benchbook.write(run, "data")` writes its JSON and raw rows under `data/`, where
// `./benchbook report --all`, `Benchbook.catalog("data")` and `Benchbook.query(...)` find it like
// any other run.

/exit
