package dev.benchbook.catalog;

/**
 * How big a lake's batches get and when small ones are merged.
 *
 * @param batchRows raw rows per batch at most (one Parquet file per table and batch): bounds
 *     the file size (2M raw rows are about 45 MB of zstd Parquet) and the memory DuckDB stages
 *     (about 350 MB for 2M rows)
 * @param batchRuns runs per batch at most (SQL lists of run ids stay short)
 * @param compactAt small batches of one data dir (under half of both caps) past which an export
 *     merges them into as few as the caps allow
 */
record LakeLimits(long batchRows, int batchRuns, int compactAt) {

  /**
   * The defaults: 2M raw rows ({@code -Dbenchbook.lake.batchRows=N} changes it), 500 runs, 16
   * small batches.
   */
  static final LakeLimits DEFAULT = new LakeLimits(Long.getLong("benchbook.lake.batchRows",
      2_000_000L), 500, 16);

  /** Checks the values. */
  LakeLimits {
    if (batchRows < 1 || batchRuns < 1 || compactAt < 1) {
      throw new IllegalArgumentException("lake limits must be at least 1: batchRows "
          + batchRows + ", batchRuns " + batchRuns + ", compactAt " + compactAt);
    }
  }

  /** True when a batch is small: under half of both caps. */
  boolean small(LakeBatch b) {
    return b.rows() < batchRows / 2 && b.runs().size() < batchRuns / 2;
  }
}
