/**
 * Pure analysis functions over results and raw rows: percentiles (linear interpolation between
 * closest ranks, numpy's default), per-segment stats, P95 deltas, throughput ratios, seeded
 * bootstrap confidence intervals, verdicts and a Tablesaw aggregate carrying our percentile.
 *
 * <p>Nothing in this package does I/O. The method is documented in {@code docs/STATISTICS.md}.
 */
package dev.benchbook.analysis;
