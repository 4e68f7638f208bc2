package dev.benchbook.runtime;

import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.GroupCommitCeiling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Forks as JMH's runner owns them: each fork is a fresh child JVM (same java binary, class
 * path and JVM flags) that runs every config's repetitions interleaved after its own warmup,
 * one fork after another; the parent probes the ceiling once, merges the children's rows and
 * passes (fork f's repetition r becomes repetition {@code f * reps + r}), shows their
 * progress, and on cancellation stops the child and removes the temporary folder. Fork f runs
 * with seed {@code seed + f * FORK_SEED_STEP}, so no two forks replay the same latencies, and
 * odd forks run the configs in reverse order. The link is JDK-only ({@link ForkLink}).
 */
public final class Forks {

  /** Added to the plan's seed per fork. */
  public static final long FORK_SEED_STEP = 1_000_000_007L;
  /**
   * Prefix of every forks folder; the parent's process id follows it, so a folder left by a
   * killed run is removed by the next forked run (as the databases' folders are).
   */
  public static final String PREFIX = "benchbook-forks-pid";

  private Forks() {
  }

  /**
   * Runs a plan: in this JVM with one fork, else in {@code plan.forks()} child JVMs; throws
   * InterruptedException when cancelled, IntegrityViolation on loss.
   */
  public static RunOutcome run(RunPlan plan, RunControl control, ProgressListener listener)
      throws IOException, SQLException, InterruptedException {
    return plan.forks() > 1 ? inChildren(plan, control, listener)
        : new MatrixRunner(control, listener).run(plan);
  }

  /**
   * Runs a plan in {@code plan.forks()} fresh child JVMs, even one (what a separate command
   * would measure), and merges what they measured.
   */
  public static RunOutcome inChildren(RunPlan plan, RunControl control,
      ProgressListener listener) throws IOException, SQLException, InterruptedException {
    Instant start = Instant.now();
    listener.runStarted(plan.expectedTransitions());
    removeStale(plan.tempDir());
    Path tmp = Files.createTempDirectory(plan.tempDir(), PREFIX + ProcessHandle.current().pid()
        + "-");
    try {
      Map<String, Double> ceilings = MatrixRunner.probeCeilings(plan);
      Map<String, GroupCommitCeiling> groupCommits = MatrixRunner.probeGroupCommits(plan);
      Path spec = tmp.resolve("plan.properties");
      ForkLink.writePlan(plan, spec);
      RawRows rows = new RawRows(plan.configIds(), plan.configs().get(0).flow().states(),
          (int) Math.min(1 << 26, plan.expectedTransitions() + 1024), plan.rowColumns());
      List<PassResult> passes = new ArrayList<>();
      for (int f = 0; f < plan.forks(); f++) {
        Path out = Files.createDirectory(tmp.resolve("fork-" + f));
        runChild(plan, f, spec, out, control, listener);
        ForkRows.merge(out.resolve(ForkLink.ROWS), rows, f * plan.reps());
        passes.addAll(ForkLink.readPasses(out.resolve(ForkLink.PASSES), plan,
            ForkLink.forkPlan(plan.configs(), plan.reps(), plan.seed(), plan.warmup(),
                plan.warmupBound(), plan.tempDir(), f), f));
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
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    try {
      watchChild(plan, fork, child, control, listener);
    } finally {
      child.getOutputStream().close();
    }
  }

  /**
   * Removes the forks folders under {@code parent} whose parent process is gone (a run killed
   * with SIGKILL cannot remove its own); returns how many.
   */
  public static int removeStale(Path parent) throws IOException {
    return dev.benchbook.workload.Database.removeStale(parent, PREFIX);
  }

  /**
   * Waits for the child, relaying its progress. Its standard input is a pipe this JVM holds
   * open until the child is done: if this JVM is killed, the pipe closes and the child, which
   * watches for that end of input, stops itself ({@link ForkChild}).
   */
  private static void watchChild(RunPlan plan, int fork, Process child, RunControl control,
      ProgressListener listener) throws IOException, InterruptedException {
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
    return JavaProcess.command(flags, ForkChild.class.getName(), List.of(spec.toString(),
        out.toString(), Integer.toString(fork)));
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
}
