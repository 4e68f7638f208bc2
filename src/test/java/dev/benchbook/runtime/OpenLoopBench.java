package dev.benchbook.runtime;

import dev.benchbook.analysis.OpenLoopRates;
import dev.benchbook.analysis.Percentiles;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Open-loop speed on a shared machine (a main, not a test; docs/PERFORMANCE.md "Open loop"):
 * (1) the dispatcher's own cost per transition, all arrivals already due, 1 and 2 threads;
 * (2) whether it keeps 10,000/s with 4 idle workers (achieved rate, lateness P50/P99);
 * (3) closed loop vs open loop side by side in one run, reps interleaved: throughput of the
 * closed loop and of the open loop asked for more than it can serve (1,000,000/s), and the open
 * loop at half the closed loop's throughput. Args: [reps] [files] [workers] (defaults 7, 300, 4;
 * 1 worker takes SQLite's lock contention out of the comparison).
 */
public final class OpenLoopBench {

  private static int workers = 4;

  private OpenLoopBench() {
  }

  /** Runs the three measurements and prints them. */
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    dispatchCost(1);
    dispatchCost(2);
    keepsRate(10_000, 4, 20_000);
    closedVsOpen(reps, files);
  }

  private static void dispatchCost(int threads) throws InterruptedException {
    int n = 4_000_000;
    double[] medians = new double[5];
    for (int round = 0; round < medians.length; round++) {
      Dispatcher d = new Dispatcher(new ArrivalSchedule(new Arrivals(1_000_000,
          Arrivals.Kind.CONSTANT), 1, n + 16), System.nanoTime() - 60_000_000_000L,
          new RunControl());
      long[] sink = new long[threads];
      List<Thread> ts = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int k = t;
        Thread th = new Thread(() -> {
          long s = 0;
          for (int i = 0; i < n / threads; i++) {
            s += d.take();
          }
          sink[k] = s;
        });
        ts.add(th);
        th.start();
      }
      for (Thread th : ts) {
        th.join();
      }
      medians[round] = (System.nanoTime() - t0) / (double) n;
    }
    Arrays.sort(medians);
    System.out.printf(Locale.ROOT, "dispatch cost, %d thread(s), arrivals due: median %.1f ns "
        + "per take (5 rounds of %,d; min %.1f, max %.1f)%n", threads, medians[2], n,
        medians[0], medians[4]);
  }

  private static void keepsRate(double rate, int workers, int n) throws InterruptedException {
    long origin = System.nanoTime() + 5_000_000;
    Dispatcher d = new Dispatcher(new ArrivalSchedule(new Arrivals(rate,
        Arrivals.Kind.CONSTANT), 1, n), origin, new RunControl());
    long[] late = new long[n];
    long[] starts = new long[n];
    java.util.concurrent.atomic.AtomicInteger slot = new java.util.concurrent.atomic
        .AtomicInteger();
    List<Thread> ts = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread th = new Thread(() -> {
        while (d.claimed() < n) {
          long due = d.take();
          long now = System.nanoTime();
          int i = slot.getAndIncrement();
          if (i < n) {
            late[i] = now - due;
            starts[i] = now - origin;
          }
        }
      });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    RawRows rows = new RawRows(List.of("d"), List.of("S"), n, java.util.EnumSet.allOf(
        Column.class));
    for (int i = 0; i < n; i++) {
      int r = rows.addRow();
      rows.set(Column.START_NS, r, starts[i]);
    }
    System.out.printf(Locale.ROOT, "keeps %,.0f/s with %d idle workers: achieved %,.1f/s; "
        + "start lateness P50 %.1f us, P99 %.1f us%n", rate, workers,
        OpenLoopRates.achievedPerS(rows, 0), Percentiles.of(late, 0.5) / 1e3,
        Percentiles.of(late, 0.99) / 1e3);
  }

  private static BenchConfig config(String id, int files) {
    return new BenchConfig(id, workers, LatencyProfile.named("zero"), StrategySpec.named(
        "per-worker"), files, SqliteSettings.defaults(), 0, 0.0, Duration.ofSeconds(60));
  }

  private static void closedVsOpen(int reps, int files) throws Exception {
    Path tmp = Files.createTempDirectory("open-loop-bench");
    BenchConfig closed = config("closed", files);
    RunOutcome probe = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(
        new RunPlan(List.of(closed), 3, 1, true, Duration.ofSeconds(1), Duration.ZERO, tmp,
            List.of()));
    double[] probeRates = probe.passes().stream().mapToDouble(PassResult::transitionsPerS)
        .toArray();
    double half = Math.round(Percentiles.of(probeRates, 0.5) / 2);
    BenchConfig saturated = config("open-1M", files).withArrivals(new Arrivals(1_000_000,
        Arrivals.Kind.CONSTANT));
    BenchConfig halfRate = config("open-half", files).withArrivals(new Arrivals(half,
        Arrivals.Kind.CONSTANT));
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(
        new RunPlan(List.of(closed, saturated, halfRate), reps, 2, true, Duration.ofSeconds(1),
            Duration.ZERO, tmp, List.of()));
    double[] c = rates(out, "closed");
    double[] o = rates(out, "open-1M");
    double[] h = rates(out, "open-half");
    double[] ratio = new double[reps];
    for (int i = 0; i < reps; i++) {
      ratio[i] = o[i] / c[i];
    }
    System.out.printf(Locale.ROOT, "closed vs open, c%d-zero per-worker, %d files, %d reps "
        + "interleaved:%n  closed median %,.0f tx/s%n  open at 1,000,000/s (saturated) median "
        + "%,.0f tx/s; per-rep ratio open/closed median %.3f (min %.3f, max %.3f)%n"
        + "  open at %,.0f/s (half the closed loop): achieved %,.1f/s, median committed "
        + "%,.0f tx/s%n", workers, files, reps, Percentiles.of(c, 0.5), Percentiles.of(o, 0.5),
        Percentiles.of(ratio, 0.5), Percentiles.min(ratio), Percentiles.max(ratio), half,
        OpenLoopRates.achievedPerS(out.rows(), 2), Percentiles.of(h, 0.5));
  }

  private static double[] rates(RunOutcome out, String id) {
    return out.passesOf(id).stream().sorted(java.util.Comparator.comparingInt(PassResult::rep))
        .mapToDouble(PassResult::transitionsPerS).toArray();
  }
}
