package dev.benchbook.bench;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.PassRows;
import dev.benchbook.rows.RowWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Recording cost per transition: the four System.nanoTime() stamps a worker takes plus one row
 * stored through the worker's {@link RowWriter} (named setters, then commit), and each part
 * alone; the {@code ...Before} methods store the same row the way it was stored before the rows
 * package (one 15-argument add, {@link LegacyRows}), for a side-by-side figure in one run. The
 * storage is made anew each iteration so that it never runs out inside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBench {

  private static final int CAPACITY = 1 << 24;
  private static final List<String> STATES = List.of("PENDING", "UPLOADING", "UPLOADED",
      "PROCESSING", "INDEXED", "FAILED");

  private RowWriter writer;
  private LegacyRows legacy;
  private int file;

  /** A writer and a legacy store with room for every call of an iteration. */
  @Setup(Level.Iteration)
  public void setup() {
    writer = new PassRows(List.of("c10-zero"), STATES, CAPACITY).writer(0, 0, 3);
    legacy = new LegacyRows(CAPACITY);
  }

  /**
   * The worker's recording work for a transition without an API call: four clock reads (start,
   * end of dispatch = start of the DB step, write lock held, end) and one stored row.
   */
  @Benchmark
  public int timestampsAndRecord() {
    long t0 = System.nanoTime();
    long t1 = System.nanoTime();
    long lock = System.nanoTime();
    long t3 = System.nanoTime();
    if (writer.count() >= CAPACITY - 1) {
      setup();
    }
    record(file++ & 1023, t0, t1 - t0, 0, lock - t1, t3 - t1, t3 - t0, t3 - t0);
    return writer.count();
  }

  /** As {@link #timestampsAndRecord()}, stored the way it was before. */
  @Benchmark
  public int timestampsAndRecordBefore() {
    long t0 = System.nanoTime();
    long t1 = System.nanoTime();
    long lock = System.nanoTime();
    long t3 = System.nanoTime();
    if (legacy.size() >= CAPACITY - 1) {
      setup();
    }
    legacy.add(0, 0, 3, file++ & 1023, 1, 2, t0, t1 - t0, 0, lock - t1, t3 - t1, t3 - t0,
        t3 - t0, 0, 0);
    return legacy.size();
  }

  /** One clock read, the unit the timestamps above are made of. */
  @Benchmark
  public long clockRead() {
    return System.nanoTime();
  }

  /** The row store alone, without clock reads. */
  @Benchmark
  public int recordOnly() {
    if (writer.count() >= CAPACITY - 1) {
      setup();
    }
    int f = file++;
    record(f & 1023, f, 10, 20, 30, 40, 50, 60);
    return writer.count();
  }

  /** As {@link #recordOnly()}, stored the way it was before. */
  @Benchmark
  public int recordOnlyBefore() {
    if (legacy.size() >= CAPACITY - 1) {
      setup();
    }
    int f = file++;
    legacy.add(0, 0, 3, f & 1023, 1, 2, f, 10, 20, 30, 40, 50, 60, 0, 0);
    return legacy.size();
  }

  /** The worker's recording lines (runtime.Worker), on the values given. */
  private void record(int f, long start, long dispatch, long api, long lockWait, long dbTotal,
      long fsmNet, long total) {
    writer.set(Column.FILE_ID, f);
    writer.set(Column.FROM_STATE, 1);
    writer.set(Column.TO_STATE, 2);
    writer.set(Column.START_NS, start);
    writer.set(Column.FSM_DISPATCH_NS, dispatch);
    writer.set(Column.API_NS, api);
    writer.set(Column.LOCK_WAIT_NS, lockWait);
    writer.set(Column.DB_TOTAL_NS, dbTotal);
    writer.set(Column.FSM_NET_NS, fsmNet);
    writer.set(Column.TOTAL_NS, total);
    writer.set(Column.RETRIES, 0);
    writer.commit(Outcome.COMMITTED);
  }
}
