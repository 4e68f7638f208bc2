package dev.benchbook.bench;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL in local mode on a lake (docs/PERFORMANCE.md, "Lake"): P95 of fsm_net per config
 * with Spark's exact {@code percentile}, the query {@link LakeBench} runs on DuckDB and SQLite.
 * Args: LAKE [reps] [threads]. Needs Spark's --add-opens (the failsafe argLine in pom.xml).
 */
public final class SparkLakeBench {

  private SparkLakeBench() {
  }

  /** See the class comment. */
  public static void main(String[] args) {
    String lake = args[0];
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String threads = args.length > 2 ? args[2] : "2";
    long t0 = System.nanoTime();
    SparkSession spark = SparkSession.builder().master("local[" + threads + "]")
        .appName("benchbook-lake-bench").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", threads).getOrCreate();
    System.out.printf(Locale.ROOT, "spark start              %.2f s%n", (System.nanoTime() - t0) / 1e9);
    long[] ns = new long[reps];
    long groups = 0;
    for (int i = 0; i < reps; i++) {
      long t1 = System.nanoTime();
      spark.read().parquet(lake + "/rows").createOrReplaceTempView("rows");
      groups = spark.sql(LakeBench.P95_PER_CONFIG.replace("percentile_cont(", "percentile("))
          .collectAsList().size();
      ns[i] = System.nanoTime() - t1;
    }
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "spark p95 per config     median %.2f s of %d (all: %s); %d "
        + "configs%n", sorted[reps / 2] / 1e9, reps, Arrays.stream(ns).mapToObj(n ->
        String.format(Locale.ROOT, "%.2f", n / 1e9)).toList(), groups);
    spark.stop();
  }
}
