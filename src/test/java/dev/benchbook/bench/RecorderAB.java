package dev.benchbook.bench;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.PassRows;
import dev.benchbook.rows.RowWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Recording A/B on a shared machine: rounds that store the same rows through the row writer
 * and through the old 15-argument store ({@link LegacyRows}), alternating which goes first,
 * printing the median ns per row of each and the median per-round ratio. Args: [rounds].
 * Each store is timed in this thread's CPU time, so that time the thread spends descheduled on a
 * shared machine does not count (cache and memory contention still do).
 */
public final class RecorderAB {

  private static final int ROWS = 1 << 20;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final List<String> STATES = List.of("PENDING", "UPLOADING", "UPLOADED",
      "PROCESSING", "INDEXED", "FAILED");

  /**
   * Read (volatile) once per row in both loops: as the worker's JDBC call does, it keeps the JIT
   * from hoisting the stores' array and field loads out of the loop, which it could do in a
   * loop that does nothing but record.
   */
  private static volatile int FENCE;
  private static int fence;

  /**
   * Where each loop publishes its store before timing: in the worker the store is a field of a
   * long-lived object, never local to the loop's method. A store the JIT can prove local (as a
   * {@link LegacyRows} made and used only inside one compiled method) is scalar-replaced, its
   * fields kept in registers, which made the old store look about twice as fast as it ever was
   * in a worker (docs/PERFORMANCE.md, "Rows at the bottom").
   */
  static volatile Object published;

  private RecorderAB() {
  }

  /** Runs the rounds and prints the medians. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    PassRows pass = new PassRows(List.of("c10-zero"), STATES, ROWS);
    LegacyRows legacy = new LegacyRows(ROWS);
    for (int i = 0; i < 5; i++) {
      writer(new PassRows(List.of("c10-zero"), STATES, ROWS));
      legacy(new LegacyRows(ROWS));
    }
    double[] now = new double[rounds];
    double[] before = new double[rounds];
    double[] ratio = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      pass = new PassRows(List.of("c10-zero"), STATES, ROWS);
      legacy = new LegacyRows(ROWS);
      if (r % 2 == 0) {
        now[r] = writer(pass);
        before[r] = legacy(legacy);
      } else {
        before[r] = legacy(legacy);
        now[r] = writer(pass);
      }
      ratio[r] = now[r] / before[r];
      sink += pass.count() + legacy.size();
    }
    System.out.printf("rows writer %.2f ns/row, before %.2f ns/row, ratio median %.3f "
        + "(%d rounds of %d rows; %d)%n", median(now), median(before), median(ratio), rounds,
        ROWS - 4096, sink % 7);
  }

  private static double writer(PassRows pass) {
    RowWriter w = pass.writer(0, 0, 3);
    published = w;
    int n = ROWS - 4096;
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int f = 0; f < n; f++) {
      fence = FENCE;
      w.set(Column.FILE_ID, f & 1023);
      w.set(Column.FROM_STATE, 1);
      w.set(Column.TO_STATE, 2);
      w.set(Column.START_NS, f);
      w.set(Column.FSM_DISPATCH_NS, 10);
      w.set(Column.API_NS, 20);
      w.set(Column.LOCK_WAIT_NS, 30);
      w.set(Column.DB_TOTAL_NS, 40);
      w.set(Column.FSM_NET_NS, 50);
      w.set(Column.TOTAL_NS, 60);
      w.set(Column.RETRIES, 0);
      w.commit(Outcome.COMMITTED);
    }
    return (CPU.getCurrentThreadCpuTime() - t0) / (double) n;
  }

  private static double legacy(LegacyRows rows) {
    published = rows;
    int n = ROWS - 4096;
    long t0 = CPU.getCurrentThreadCpuTime();
    for (int f = 0; f < n; f++) {
      fence = FENCE;
      rows.add(0, 0, 3, f & 1023, 1, 2, f, 10, 20, 30, 40, 50, 60, 0, 0);
    }
    return (CPU.getCurrentThreadCpuTime() - t0) / (double) n;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
