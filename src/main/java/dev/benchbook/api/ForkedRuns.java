package dev.benchbook.api;

import dev.benchbook.results.Json;
import dev.benchbook.results.RowsCsv;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.JavaProcess;
import dev.benchbook.runtime.MatrixRunner;
import dev.benchbook.runtime.Outcome;
import dev.benchbook.runtime.PassResult;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RawRows;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.GroupCommitCeiling;
import dev.benchbook.workload.IntegrityReport;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Forks as JMH does: each fork is a fresh child JVM (same java binary, class path and JVM
 * flags) that runs every config's repetitions interleaved after its own warmup, one fork after
 * another; the parent probes the ceiling once, merges the children's rows and passes (fork f's
 * repetition r becomes repetition {@code f * reps + r}), shows their progress, and on
 * cancellation stops the child and removes the temporary folder. Fork f runs with seed
 * {@code seed + f * FORK_SEED_STEP}, so no two forks replay the same latencies, and odd forks
 * run the configs in reverse order.
 */
final class ForkedRuns {

  /** Added to the plan's seed per fork. */
  static final long FORK_SEED_STEP = 1_000_000_007L;
  /** The child's entry point. */
  static final String CHILD_MAIN = ForkChild.class.getName();

  private ForkedRuns() {
  }

  /** Runs a plan with {@code plan.forks() > 1} in child JVMs and merges what they measured. */
  static RunOutcome run(RunPlan plan, RunControl control, ProgressListener listener)
      throws IOException, SQLException, InterruptedException {
    Instant start = Instant.now();
    listener.runStarted(plan.expectedTransitions());
    Path tmp = Files.createTempDirectory(plan.tempDir(), "benchbook-forks-");
    try {
      Map<String, Double> ceilings = MatrixRunner.probeCeilings(plan);
      Map<String, GroupCommitCeiling> groupCommits = MatrixRunner.probeGroupCommits(plan);
      Path spec = tmp.resolve("plan.json");
      Json.MAPPER.writeValue(spec.toFile(), Spec.of(plan));
      RawRows rows = new RawRows(plan.configIds(), plan.configs().get(0).flow().states(),
          (int) Math.min(1 << 26, plan.expectedTransitions() + 1024));
      List<PassResult> passes = new ArrayList<>();
      for (int f = 0; f < plan.forks(); f++) {
        Path out = Files.createDirectory(tmp.resolve("fork-" + f));
        runChild(plan, f, spec, out, control, listener);
        merge(plan, f, out, rows, passes);
      }
      return new RunOutcome(plan, ceilings, groupCommits, passes, rows, start, Instant.now());
    } finally {
      deleteTree(tmp);
      listener.runEnded();
    }
  }

  private static void runChild(RunPlan plan, int fork, Path spec, Path out, RunControl control,
      ProgressListener listener) throws IOException, InterruptedException {
    if (control.cancelled()) {
      throw new InterruptedException("cancelled");
    }
    Process child = new ProcessBuilder(command(spec, out, fork))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
    Thread events = new Thread(() -> relay(child, plan, fork, listener), "benchbook-fork-" + fork);
    events.setDaemon(true);
    events.start();
    try {
      while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
        if (control.cancelled()) {
          stop(child);
          throw new InterruptedException("cancelled");
        }
      }
      events.join(5_000);
    } catch (InterruptedException e) {
      stop(child);
      throw e;
    }
    if (child.exitValue() == ForkChild.CANCELLED || control.userCancelled()) {
      throw new InterruptedException("cancelled");
    }
    if (child.exitValue() != 0) {
      throw new IOException("fork " + (fork + 1) + " of " + plan.forks() + " (a child JVM) failed"
          + " with exit code " + child.exitValue() + "; its error is printed above");
    }
  }

  /** Asks the child to stop (its Ctrl-C hook removes its databases), then waits for it. */
  private static void stop(Process child) throws InterruptedException {
    child.destroy();
    if (!child.waitFor(30, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      child.waitFor();
    }
  }

  /** The child's command line: this JVM's binary, flags and class path. */
  static List<String> command(Path spec, Path out, int fork) {
    List<String> flags = JavaProcess.flags(arg -> !arg.startsWith("-agentlib:jdwp")
        && !arg.startsWith("-Xrunjdwp"));
    return JavaProcess.command(flags, CHILD_MAIN, List.of(spec.toString(), out.toString(),
        Integer.toString(fork)));
  }

  /** Forwards the child's progress lines to the parent's listener, renumbering repetitions. */
  private static void relay(Process child, RunPlan plan, int fork, ProgressListener listener) {
    int offset = fork * plan.reps();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] p = line.split(" ");
        if (p.length != 4) {
          continue;
        }
        int rep = Integer.parseInt(p[2]);
        int global = rep < 0 ? rep : rep + offset;
        switch (p[0]) {
          case "S" -> listener.passStarted(p[1], global, plan.totalReps());
          case "P" -> listener.passProgress(p[1], global, Long.parseLong(p[3]));
          case "E" -> listener.passEnded(p[1], global, Long.parseLong(p[3]));
          default -> { }
        }
      }
    } catch (IOException | RuntimeException e) {
      // progress only: the exit code and the results files decide the outcome
    }
  }

  /** Adds one fork's rows and passes, its repetitions numbered after the earlier forks'. */
  private static void merge(RunPlan plan, int fork, Path out, RawRows rows,
      List<PassResult> passes) throws IOException {
    int offset = fork * plan.reps();
    RawRows child = RowsCsv.read(out.resolve(ForkChild.ROWS));
    int[] configOf = codes(child.configIds(), plan.configIds(), "config");
    int[] stateOf = codes(child.stateNames(), rows.stateNames(), "state");
    for (int i = 0; i < child.size(); i++) {
      rows.add(configOf[child.config()[i]], child.rep()[i] + offset, child.worker()[i],
          child.fileId()[i], stateOf[child.fromState()[i]], stateOf[child.toState()[i]],
          child.startNs()[i], child.fsmDispatchNs()[i], child.apiNs()[i],
          child.lockWaitNs()[i], child.dbTotalNs()[i], child.fsmNetNs()[i], child.totalNs()[i],
          child.retries()[i], Outcome.of(child.outcome()[i]));
    }
    Pass[] read = Json.MAPPER.readValue(out.resolve(ForkChild.PASSES).toFile(), Pass[].class);
    List<String> childIds = Spec.of(plan).plan(fork).configIds();
    for (Pass p : read) {
      int code = plan.configIds().indexOf(childIds.get(p.configCode()));
      BenchConfig config = plan.configs().get(code);
      passes.add(new PassResult(config, code, p.rep() + offset, p.wallNs(),
          p.committed(), p.conflicts(), p.busyErrors(), p.rolledBack(), p.durationBounded(),
          p.integrity(), fork));
    }
  }

  private static int[] codes(List<String> names, List<String> into, String what)
      throws IOException {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = into.indexOf(names.get(i));
      if (out[i] < 0) {
        throw new IOException("a fork wrote a " + what + " this run does not have: "
            + names.get(i));
      }
    }
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * What a child runs, as JSON.
   *
   * @param configs the configs, in plan order
   * @param reps repetitions per config in each fork
   * @param seed the plan's seed (each fork adds its own step)
   * @param warmup whether each config gets a warmup pass first
   * @param warmupBoundNs duration bound of a warmup pass, ns
   * @param tempDir where temporary databases go
   */
  record Spec(List<Config> configs, int reps, long seed, boolean warmup, long warmupBoundNs,
      String tempDir) {

    static Spec of(RunPlan plan) {
      return new Spec(plan.configs().stream().map(Config::of).toList(), plan.reps(),
          plan.seed(), plan.warmup(), plan.warmupBound().toNanos(), plan.tempDir().toString());
    }

    /**
     * The plan of fork {@code fork}: no ceiling probe (the parent probed), its own seed, and
     * the configs in reverse order in odd forks, so that with one repetition per fork no config
     * always runs first.
     */
    RunPlan plan(int fork) {
      List<BenchConfig> order = new ArrayList<>(configs.stream().map(Config::config).toList());
      if (fork % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      return new RunPlan(order, reps,
          seed + fork * FORK_SEED_STEP, warmup, Duration.ofNanos(warmupBoundNs), Duration.ZERO,
          Path.of(tempDir), List.of(), 1);
    }
  }

  /**
   * One config as JSON.
   *
   * @param id config id
   * @param concurrency workers
   * @param profile latency profile
   * @param strategy connection strategy
   * @param files files moved through the flow
   * @param sqlite PRAGMAs and busy timeout
   * @param holdNs time held in each transaction, ns
   * @param failureProbability probability that an API edge fails
   * @param durationBoundNs duration bound, ns
   */
  record Config(String id, int concurrency, LatencyProfile profile, StrategySpec strategy,
      int files, SqliteSettings sqlite, long holdNs, double failureProbability,
      long durationBoundNs) {

    static Config of(BenchConfig c) {
      return new Config(c.id(), c.concurrency(), c.profile(), c.strategy(), c.files(),
          c.sqlite(), c.holdNs(), c.failureProbability(), c.durationBound().toNanos());
    }

    BenchConfig config() {
      return new BenchConfig(id, concurrency, profile, strategy, files, sqlite, holdNs,
          failureProbability, Duration.ofNanos(durationBoundNs));
    }
  }

  /**
   * One measured pass of a child, as JSON.
   *
   * @param configCode the config's index in the plan
   * @param rep repetition within the fork, from 0
   * @param wallNs wall time, ns
   * @param committed committed transitions
   * @param conflicts failed optimistic checks
   * @param busyErrors busy errors that escaped the handler
   * @param rolledBack rolled-back transitions
   * @param durationBounded whether the duration bound stopped the pass
   * @param integrity what the integrity check found
   */
  record Pass(int configCode, int rep, long wallNs, long committed, long conflicts,
      long busyErrors, long rolledBack, boolean durationBounded, IntegrityReport integrity) {

    static Pass of(PassResult p) {
      return new Pass(p.configCode(), p.rep(), p.wallNs(), p.committed(), p.conflicts(),
          p.busyErrors(), p.rolledBack(), p.durationBounded(), p.integrity());
    }
  }
}
