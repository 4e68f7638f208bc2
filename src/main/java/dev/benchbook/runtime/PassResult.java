package dev.benchbook.runtime;

import dev.benchbook.workload.IntegrityReport;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

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
 * @param fork the fork (fresh JVM, from 0) the pass ran in; 0 when the run was not forked
 * @param errors code -> name of every error the pass's failed attempts recorded in the rows'
 *     error column (empty when nothing failed)
 */
public record PassResult(BenchConfig config, int configCode, int rep, long wallNs,
    long committed, long conflicts, long busyErrors, long rolledBack, boolean durationBounded,
    IntegrityReport integrity, int fork, Map<Integer, String> errors) {

  /** Copies the errors, sorted by code. */
  public PassResult {
    errors = errors == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(errors));
  }

  /** A pass in which nothing failed in the workload's code. */
  public PassResult(BenchConfig config, int configCode, int rep, long wallNs, long committed,
      long conflicts, long busyErrors, long rolledBack, boolean durationBounded,
      IntegrityReport integrity, int fork) {
    this(config, configCode, rep, wallNs, committed, conflicts, busyErrors, rolledBack,
        durationBounded, integrity, fork, Map.of());
  }

  /** A pass of a run that was not forked. */
  public PassResult(BenchConfig config, int configCode, int rep, long wallNs, long committed,
      long conflicts, long busyErrors, long rolledBack, boolean durationBounded,
      IntegrityReport integrity) {
    this(config, configCode, rep, wallNs, committed, conflicts, busyErrors, rolledBack,
        durationBounded, integrity, 0);
  }

  /** Committed transitions per second of wall time. */
  public double transitionsPerS() {
    return committed / (wallNs / 1e9);
  }
}
