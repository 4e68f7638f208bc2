package dev.benchbook.bench;

import dev.benchbook.runtime.Outcome;
import dev.benchbook.runtime.RawRows;
import dev.benchbook.runtime.Recorder;
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
 * Recording cost per transition: the four System.nanoTime() stamps a worker takes plus one
 * {@link Recorder#record} into preallocated arrays, and each part alone. The recorder is reset each iteration so
 * that the arrays never grow inside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBench {

  private static final int CAPACITY = 1 << 24;

  private Recorder recorder;
  private int file;

  /** A recorder with room for every call of an iteration. */
  @Setup(Level.Iteration)
  public void setup() {
    RawRows rows = new RawRows(List.of("c10-zero"), List.of("PENDING", "UPLOADING", "UPLOADED",
        "PROCESSING", "INDEXED", "FAILED"), CAPACITY);
    recorder = new Recorder(rows, 0, 0, 3);
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
    if (recorder.count() >= CAPACITY - 1) {
      setup();
    }
    int f = file++ & 1023;
    recorder.record(f, 1, 2, t0, t1 - t0, 0, lock - t1, t3 - t1, t3 - t0, t3 - t0, 0,
        Outcome.COMMITTED);
    return recorder.count();
  }

  /** One clock read, the unit the timestamps above are made of. */
  @Benchmark
  public long clockRead() {
    return System.nanoTime();
  }

  /** The row store alone, without clock reads. */
  @Benchmark
  public int recordOnly() {
    if (recorder.count() >= CAPACITY - 1) {
      setup();
    }
    int f = file++;
    recorder.record(f & 1023, 1, 2, f, 10, 20, 30, 40, 50, 60, 0, Outcome.COMMITTED);
    return recorder.count();
  }
}
