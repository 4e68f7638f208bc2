package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.OpenLoopRates;
import dev.benchbook.analysis.Percentiles;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open-loop passes: the schedule is kept, queue_wait and response count from the intended
 * start, and a stalled write lock shows in every transition scheduled during the stall, where
 * the closed loop records it once per worker (coordinated omission).
 */
class OpenLoopTest {

  private static final long HOLD_NS = 1_000_000;
  private static final long STALL_MS = 200;

  @TempDir
  Path tmp;

  private static BenchConfig config(int workers, int files, Optional<Arrivals> arrivals) {
    BenchConfig c = new BenchConfig("c" + workers + "-zero", workers, LatencyProfile.named("zero"),
        StrategySpec.named("per-worker"), files, SqliteSettings.defaults(), HOLD_NS, 0.0,
        Duration.ofSeconds(20));
    return arrivals.map(c::withArrivals).orElse(c);
  }

  private RunOutcome run(ProgressListener listener, BenchConfig... configs) throws Exception {
    return run(listener, false, configs);
  }

  private RunOutcome run(ProgressListener listener, boolean warmup, BenchConfig... configs)
      throws Exception {
    return new MatrixRunner(new RunControl(), listener).run(new RunPlan(List.of(configs), 1, 42,
        warmup, Duration.ofMillis(100), Duration.ZERO, tmp, List.of()));
  }

  @Test
  void theScheduleIsKeptAndLatencyCountsFromTheIntendedStart() throws Exception {
    Arrivals a = new Arrivals(250, Arrivals.Kind.CONSTANT);
    RunOutcome out = run(ProgressListener.NONE, true, config(4, 100, Optional.of(a)));
    RawRows rows = out.rows();
    assertEquals(400, rows.size());
    long[] intended = rows.longs(Column.INTENDED_START_NS).clone();
    Arrays.sort(intended, 0, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(Math.round(i * 4e6), intended[i], "the i-th arrival is due at 4i ms");
      long queue = rows.longs(Column.QUEUE_WAIT_NS)[i];
      assertTrue(queue >= 0, "row " + i);
      assertEquals(rows.startNs()[i] - rows.longs(Column.INTENDED_START_NS)[i], queue);
      assertEquals(queue + rows.longs(Column.TOTAL_NS)[i], rows.longs(Column.RESPONSE_NS)[i]);
      assertTrue(rows.longs(Column.LOCK_WAIT_NS)[i] <= rows.longs(Column.DB_TOTAL_NS)[i]);
      assertTrue(rows.longs(Column.DB_TOTAL_NS)[i] <= rows.longs(Column.FSM_NET_NS)[i]);
    }
    double achieved = OpenLoopRates.achievedPerS(rows, 0);
    // The schedule is checked exactly above; the achieved rate is a slope over the actual
    // starts, which a loaded 2-core runner delays by a few ms here and there (253.6/s was seen
    // beside a full build). 4% still fails a run that ignores the schedule (a closed loop of 4
    // workers on this profile goes at thousands per second) or drops arrivals.
    assertEquals(250, achieved, 10, "achieved within 4% of requested when not saturated");
  }

  @Test
  void aClosedLoopRunRecordsNoOpenLoopColumns() throws Exception {
    RawRows rows = run(ProgressListener.NONE, config(2, 20, Optional.empty())).rows();
    for (Column c : Column.openLoop()) {
      assertFalse(rows.has(c), c.csvKey());
    }
    assertEquals(80, rows.size());
  }

  @Test
  void inARunWithBothLoopsTheClosedLoopsIntendedStartIsItsActualStart() throws Exception {
    BenchConfig open = config(2, 20, Optional.of(new Arrivals(2000, Arrivals.Kind.POISSON)))
        .withId("open");
    RawRows rows = run(ProgressListener.NONE, config(2, 20, Optional.empty()), open).rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.config()[i] == 0) {
        assertEquals(0, rows.longs(Column.QUEUE_WAIT_NS)[i]);
        assertEquals(rows.startNs()[i], rows.longs(Column.INTENDED_START_NS)[i]);
      }
    }
  }

  /**
   * Holds the write lock for {@value #STALL_MS} ms from another connection in the middle of a
   * pass, closed loop then open loop at 400/s (2.5 ms apart; 2 workers, 1 ms held per write).
   * Closed loop: each worker waits through the stall once, so at most 2 of 600 rows span it
   * and the P99 stays below half of it (on a loaded machine the P99 itself is tens of ms). Open loop: every transition scheduled during the stall ends
   * after it, so its response is at least (stall end - intended start); the P99 is at least
   * the P99 of those lower bounds, which the schedule's arithmetic puts near the stall itself.
   */
  @Test
  void aStalledLockInflatesOpenLoopLatencyButNotClosedLoopLatency() throws Exception {
    Stall closedStall = new Stall(250);
    RawRows closed = run(closedStall, config(2, 150, Optional.empty())).rows();
    closedStall.await();
    long[] total = committedValues(closed, Column.TOTAL_NS);
    double closedP99Ms = Percentiles.of(toMs(total), 0.99);
    long held = closedStall.heldFrom.get();
    long released = closedStall.releasedAfter.get();
    long middle = (held + released) / 2;
    int spanning = 0;
    for (int i = 0; i < closed.size(); i++) {
      if (closed.startNs()[i] < middle && closed.startNs()[i] + total[i] > middle) {
        spanning++;
      }
    }
    assertTrue(spanning >= 1 && spanning <= 2, "each of the 2 workers waits through the stall "
        + "in one transition, so at most 2 rows span its middle; got " + spanning);
    assertTrue(closedP99Ms < STALL_MS / 2.0, "closed-loop P99 " + closedP99Ms + " ms: the stall "
        + "is in at most 2 of 600 rows, under 1%, so the P99 does not see it");

    Stall openStall = new Stall(500);
    Arrivals a = new Arrivals(400, Arrivals.Kind.CONSTANT);
    RawRows open = run(openStall, config(2, 150, Optional.of(a))).rows();
    openStall.await();
    long period = Math.round(a.meanIntervalNs());
    long from = openStall.heldFrom.get();
    long until = openStall.releasedAfter.get();
    long[] intended = open.longs(Column.INTENDED_START_NS);
    long[] response = open.longs(Column.RESPONSE_NS);
    double[] bound = new double[open.size()];
    int inStall = 0;
    for (int i = 0; i < open.size(); i++) {
      if (intended[i] >= from && intended[i] < until) {
        inStall++;
        bound[i] = (until - intended[i]) / 1e6;
        assertTrue(response[i] >= until - intended[i], "a transition due "
            + (intended[i] - from) / 1e6 + " ms into the stall answered in "
            + response[i] / 1e6 + " ms");
      }
    }
    long expectedInStall = (until - from) / period;
    assertTrue(Math.abs(inStall - expectedInStall) <= 1, inStall + " transitions were due in the "
        + "stall, the schedule says " + expectedInStall);
    double boundP99 = Percentiles.of(bound, 0.99);
    double openP99Ms = Percentiles.of(toMs(response), 0.99);
    assertTrue(boundP99 >= 0.8 * STALL_MS, "schedule arithmetic: P99 bound " + boundP99);
    assertTrue(openP99Ms >= boundP99, "open-loop P99 " + openP99Ms + " ms < " + boundP99);
    assertTrue(openP99Ms > closedP99Ms, "open " + openP99Ms + " vs closed " + closedP99Ms);
  }

  private static long[] committedValues(RawRows rows, Column c) {
    return Arrays.copyOf(rows.longs(c), rows.size());
  }

  private static double[] toMs(long[] ns) {
    return Arrays.stream(ns).mapToDouble(v -> v / 1e6).toArray();
  }

  /**
   * {@code afterMs} after the pass's start, holds the write lock of the pass's database from its
   * own connection for {@value #STALL_MS} ms; records when it held the lock and when it was
   * about to release it, as offsets from the pass start (the rows' clock).
   */
  private final class Stall implements ProgressListener {
    private final long afterMs;

    Stall(long afterMs) {
      this.afterMs = afterMs;
    }

    final AtomicLong heldFrom = new AtomicLong(-1);
    final AtomicLong releasedAfter = new AtomicLong(-1);
    private Thread thread;
    private volatile long passStartNs;
    private Throwable failure;

    @Override
    public synchronized void passOrigin(String configId, int rep, long originNanoTime) {
      passStartNs = originNanoTime;
      thread = new Thread(this::stall, "stall");
      thread.start();
    }

    private void stall() {
      try (Stream<Path> files = Files.walk(tmp)) {
        Thread.sleep(Math.max(0, (passStartNs - System.nanoTime()) / 1_000_000 + afterMs));
        Path db = files.filter(p -> p.getFileName().toString().equals("bench.db")).findFirst()
            .orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
            Statement s = c.createStatement()) {
          beginImmediate(s);
          heldFrom.set(System.nanoTime() - passStartNs);
          Thread.sleep(STALL_MS);
          releasedAfter.set(System.nanoTime() - passStartNs);
          s.execute("COMMIT");
        }
      } catch (Exception e) {
        failure = e;
      }
    }

    /**
     * BEGIN IMMEDIATE retried at once on SQLITE_BUSY: SQLite's own busy handler sleeps up to
     * 100 ms between tries and loses the lock to the workers for as long as they run.
     */
    private void beginImmediate(Statement s) throws Exception {
      s.execute("PRAGMA busy_timeout = 0");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (true) {
        try {
          s.execute("BEGIN IMMEDIATE");
          return;
        } catch (java.sql.SQLException busy) {
          if (System.nanoTime() > deadline) {
            throw busy;
          }
          Thread.onSpinWait();
        }
      }
    }

    void await() throws Exception {
      assertTrue(thread != null, "no pass started");
      thread.join();
      if (failure != null) {
        throw new AssertionError("stall failed", failure);
      }
    }
  }
}
