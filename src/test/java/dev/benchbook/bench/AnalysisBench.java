package dev.benchbook.bench;

import dev.benchbook.analysis.Bootstrap;
import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.results.Interval;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Analysis speed: every stat of every segment and config over 1,000,000 raw rows (6 configs),
 * and a P95-delta bootstrap with 2,000 resamples over 2 x 100,000 rows. Single shot per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalysisBench {

  private RawRows rows;
  private double[] baselineMs;
  private double[] mitigationMs;

  /** Builds 1M rows over 6 configs (lognormal-ish timings, 3% non-committed) and two samples. */
  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(1);
    List<String> configs = List.of("c1-zero", "c1-fast", "c1-realistic", "c10-zero", "c10-fast",
        "c10-realistic");
    rows = new RawRows(configs, List.of("PENDING", "UPLOADING", "UPLOADED", "PROCESSING",
        "INDEXED"), 1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      long dispatch = (long) (3_000 * Math.exp(rng.nextGaussian() * 0.5));
      long lock = (long) (50_000 * Math.exp(rng.nextGaussian() * 2));
      long db = lock + (long) (200_000 * Math.exp(rng.nextGaussian() * 0.5));
      long api = rng.nextInt(2) == 0 ? 0 : (long) (5_000_000 * Math.exp(rng.nextGaussian() * 0.3));
      long net = db + dispatch;
      Outcome outcome = rng.nextInt(33) == 0 ? Outcome.CONFLICT : Outcome.COMMITTED;
      TestRows.add(rows, rng.nextInt(6), 0, rng.nextInt(10), i % 818, 0, 1, i, dispatch, api, lock, db,
          net, net + api, 0, outcome);
    }
    baselineMs = sample(rng, 100_000, 40);
    mitigationMs = sample(rng, 100_000, 1.3);
  }

  private static double[] sample(SplittableRandom rng, int n, double scaleMs) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scaleMs * Math.exp(rng.nextGaussian() * 0.6);
    }
    return v;
  }

  /** count, mean, min, P50/90/95/99/99.9, max for 5 segments x 6 configs over 1M rows. */
  @Benchmark
  public Map<String, Map<String, SegmentStats>> statsOneMillionRows() {
    return SegmentStatsCalculator.computeAll(rows);
  }

  /** 95% interval of a P95 delta, 2,000 resamples, 2 x 100,000 rows. */
  @Benchmark
  public Interval bootstrapP95Delta() {
    return Bootstrap.percentileDeltaInterval(baselineMs, mitigationMs, 0.95, 2000, 0.95, 42);
  }
}
