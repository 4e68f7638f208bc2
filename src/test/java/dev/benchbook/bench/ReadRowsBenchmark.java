package dev.benchbook.bench;

import dev.benchbook.results.RowsCsv;
import dev.benchbook.rows.RawRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a 1,000,000-row raw-rows file. Single-shot: with {@code -wi 0 -i 1 -f N} every
 * measurement is the first read in a fresh JVM; with warmup it is the steady state.
 * Command in docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ReadRowsBenchmark {

  /** Rows in the file. */
  @Param("1000000")
  public int rows;

  private Path file;

  /** Writes the file once per trial (synthetic rows, fixed seed). */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    file = dir.resolve("jmh-" + rows + ".rows.csv.gz");
    if (!Files.exists(file)) {
      RowsCsv.write(SyntheticRows.generate(rows, 42), file);
    }
  }

  /** Reads every row. */
  @Benchmark
  public RawRows read() throws IOException {
    return RowsCsv.read(file);
  }
}
