/**
 * The raw-row model at the bottom of the house: one {@link dev.benchbook.rows.Column} enum
 * (timed {@link dev.benchbook.rows.Segment}s are a subset), {@link dev.benchbook.rows.Outcome},
 * column arrays ({@link dev.benchbook.rows.RawRows}) and the per-worker
 * {@link dev.benchbook.rows.RowWriter}. No I/O and no dependency on any other package.
 */
package dev.benchbook.rows;
