package dev.benchbook.runtime;

import dev.benchbook.workload.IntegrityReport;

/**
 * The outcome of one measured pass of one config on a fresh database.
 *
 * @param config the config
 * @param configCode the config's code in the run's raw rows
 * @param rep repetition index
 * @param wallNs from releasing the workers until the last one finished, ns
 * @param committed committed transitions
 * @param conflicts failed optimistic checks
 * @param busyErrors SQLITE_BUSY errors that escaped the busy handler
 * @param rolledBack transitions rolled back after an error
 * @param durationBounded whether the duration bound stopped the pass before every file ran
 * @param integrity what the integrity check found
 */
public record PassResult(BenchConfig config, int configCode, int rep, long wallNs,
    long committed, long conflicts, long busyErrors, long rolledBack, boolean durationBounded,
    IntegrityReport integrity) {

  /** Committed transitions per second of wall time. */
  public double transitionsPerS() {
    return committed / (wallNs / 1e9);
  }
}
