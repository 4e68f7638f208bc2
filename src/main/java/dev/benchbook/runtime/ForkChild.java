package dev.benchbook.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of one fork (a fresh JVM started by {@link Forks}): reads the plan, runs it,
 * writes its raw rows and passes into the folder it was given, and reports progress as lines
 * on standard output. Not a user command and not public API.
 */
final class ForkChild {

  /** Exit code when cancelled (128 + SIGINT). */
  static final int CANCELLED = 130;
  /** Seconds an orphaned fork has to stop cleanly before it halts. */
  static final int ORPHAN_GRACE_S = 10;

  private ForkChild() {
  }

  /** {@code ForkChild <plan.properties> <out-dir> <fork>}; exits 0, 1 (failed) or 130. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length != 3) {
      System.err.println("benchbook: fork child needs <plan.properties> <out-dir> <fork>");
      System.exit(2);
    }
    int fork = Integer.parseInt(args[2]);
    RunControl control = new RunControl();
    CountDownLatch cleaned = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      control.cancel();
      awaitQuietly(cleaned);
    }, "benchbook-fork-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    watchParent(control);
    int code;
    try {
      code = run(Path.of(args[0]), Path.of(args[1]), fork, control);
    } finally {
      cleaned.countDown();
    }
    System.exit(code);
  }

  /**
   * Stops this fork when its parent is gone: the parent holds this process's standard input
   * open until it is done with it, so the end of input means it died without stopping its
   * children (SIGKILL runs no hook). The run is then cancelled as by Ctrl-C (its databases are
   * removed) and this JVM exits; should it not within {@value #ORPHAN_GRACE_S} s, it halts.
   */
  private static void watchParent(RunControl control) {
    Thread watch = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent writes nothing; only the end of input matters
        }
      } catch (java.io.IOException e) {
        // a broken pipe ends the input just the same
      }
      control.cancel();
      Thread halt = new Thread(() -> {
        try {
          Thread.sleep(TimeUnit.SECONDS.toMillis(ORPHAN_GRACE_S));
        } catch (InterruptedException e) {
          return;
        }
        Runtime.getRuntime().halt(CANCELLED);
      }, "benchbook-fork-orphan-halt");
      halt.setDaemon(true);
      halt.start();
    }, "benchbook-fork-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static int run(Path spec, Path out, int fork, RunControl control) {
    PrintStream events = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      RunOutcome outcome = new MatrixRunner(control, listener(events))
          .run(ForkLink.readPlan(spec, fork));
      ForkRows.write(outcome.rows(), out.resolve(ForkLink.ROWS));
      ForkLink.writePasses(outcome.passes(), out.resolve(ForkLink.PASSES));
      return 0;
    } catch (InterruptedException e) {
      return CANCELLED;
    } catch (Exception e) {
      if (control.userCancelled()) {
        return CANCELLED;
      }
      System.err.println("benchbook: fork " + (fork + 1) + ": " + e.getMessage());
      return 1;
    }
  }

  /** Progress as lines: {@code S|P|E <config> <rep> <n>} (started, progress, ended). */
  private static ProgressListener listener(PrintStream out) {
    return new ProgressListener() {
      @Override
      public void passStarted(String configId, int rep, int reps) {
        out.println("S " + configId + " " + rep + " " + reps);
      }

      @Override
      public void passProgress(String configId, int rep, long transitionsDone) {
        out.println("P " + configId + " " + rep + " " + transitionsDone);
      }

      @Override
      public void passEnded(String configId, int rep, long transitions) {
        out.println("E " + configId + " " + rep + " " + transitions);
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
