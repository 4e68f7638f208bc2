package dev.benchbook.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Summary statistics of one timing segment, in milliseconds.
 *
 * <p>Every field is present in a measured run. A file reconstructed from a published summary
 * (see {@link RunFile#reconstructed()}) may carry only some of them; absent fields are null in
 * this record and omitted from JSON. Use {@link #require(Double, String)} style accessors such
 * as {@link #p95()} to read a value that must be present.
 *
 * @param count transitions the stats are over (committed ones; for api, those with a call)
 * @param meanMs mean, in milliseconds
 * @param minMs smallest value, in milliseconds
 * @param p50Ms median (numpy-linear percentile), in milliseconds
 * @param p90Ms 90th percentile, in milliseconds
 * @param p95Ms 95th percentile, in milliseconds
 * @param p99Ms 99th percentile, in milliseconds
 * @param p999Ms 99.9th percentile, in milliseconds
 * @param maxMs largest value, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentStats(
    Long count,
    Double meanMs,
    Double minMs,
    Double p50Ms,
    Double p90Ms,
    Double p95Ms,
    Double p99Ms,
    Double p999Ms,
    Double maxMs) {

  /** Builds a fully measured summary. */
  public static SegmentStats measured(long count, double meanMs, double minMs, double p50Ms,
      double p90Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {
    return new SegmentStats(count, meanMs, minMs, p50Ms, p90Ms, p95Ms, p99Ms, p999Ms, maxMs);
  }

  /** Builds a summary that only knows its P95 (reconstructed from a published table). */
  public static SegmentStats p95Only(double p95Ms) {
    return new SegmentStats(null, null, null, null, null, p95Ms, null, null, null);
  }

  /** True when every field is present. */
  public boolean complete() {
    return count != null && meanMs != null && minMs != null && p50Ms != null && p90Ms != null
        && p95Ms != null && p99Ms != null && p999Ms != null && maxMs != null;
  }

  /** P95 in ms; fails when absent. */
  public double p95() {
    return require(p95Ms, "p95_ms");
  }

  /** P50 in ms; fails when absent. */
  public double p50() {
    return require(p50Ms, "p50_ms");
  }

  /** P99 in ms; fails when absent. */
  public double p99() {
    return require(p99Ms, "p99_ms");
  }

  private static double require(Double value, String field) {
    if (value == null) {
      throw new IllegalStateException(field + " is absent from these stats");
    }
    return value;
  }
}
