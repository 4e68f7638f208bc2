package dev.benchbook.results;

import java.util.Map;
import java.util.Optional;

/**
 * One repetition of a config, measured on its own fresh database.
 *
 * @param rep repetition index, from 0
 * @param transitions committed transitions
 * @param wallS wall time of the measured pass, in seconds
 * @param transitionsPerS committed transitions per second of wall time
 * @param conflicts failed optimistic checks
 * @param busyErrors SQLITE_BUSY errors that escaped the busy handler
 * @param rolledBack transitions rolled back after an error inside the transaction
 * @param filesTerminal files that reached a terminal state
 * @param durationBounded whether the duration bound stopped the pass early
 * @param segments per-segment stats of this repetition
 * @param fairness how evenly this repetition's workers shared the committed work (absent in
 *     older files)
 * @param fork the fresh JVM (fork, from 0) this repetition ran in; absent when the run was not
 *     forked (older files and {@code --forks 1})
 */
public record RepResult(
    int rep,
    long transitions,
    double wallS,
    double transitionsPerS,
    long conflicts,
    long busyErrors,
    long rolledBack,
    long filesTerminal,
    boolean durationBounded,
    Map<String, SegmentStats> segments,
    Optional<WorkerFairness> fairness,
    Optional<Integer> fork) {

  /** Copies the segment map and normalises an absent fairness and fork. */
  public RepResult {
    segments = segments == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(segments));
    fairness = fairness == null ? Optional.empty() : fairness;
    fork = fork == null ? Optional.empty() : fork;
  }

  /** A repetition without fairness figures (older files). */
  public RepResult(int rep, long transitions, double wallS, double transitionsPerS,
      long conflicts, long busyErrors, long rolledBack, long filesTerminal,
      boolean durationBounded, Map<String, SegmentStats> segments) {
    this(rep, transitions, wallS, transitionsPerS, conflicts, busyErrors, rolledBack,
        filesTerminal, durationBounded, segments, Optional.empty(), Optional.empty());
  }

  /** This repetition as run in fork {@code value} of a forked run. */
  public RepResult withFork(int value) {
    return new RepResult(rep, transitions, wallS, transitionsPerS, conflicts, busyErrors,
        rolledBack, filesTerminal, durationBounded, segments, fairness, Optional.of(value));
  }

  /** The fork this repetition ran in: 0 when the run was not forked. */
  public int forkIndex() {
    return fork.orElse(0);
  }

  /** This repetition with its fairness figures. */
  public RepResult withFairness(WorkerFairness value) {
    return new RepResult(rep, transitions, wallS, transitionsPerS, conflicts, busyErrors,
        rolledBack, filesTerminal, durationBounded, segments, Optional.of(value), fork);
  }
}
