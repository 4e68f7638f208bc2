package dev.benchbook.workload;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What a worker does per transition, in the three timed steps the runner measures: dispatch
 * (choose and validate the transition, run its hook: fsm_dispatch), the external call (api),
 * and the DB step the strategy runs inside its transaction (db_total, of which lock_wait is the
 * strategy's wait for write access). The DB step is the workload's SQL ({@link Schema#write()})
 * or your Java code ({@link #dbStep()}). The runner owns the clock, the rows and the retries;
 * an implementation owns the workload's meaning. One instance per worker thread; it should not
 * allocate per transition. Anything it throws is a failed attempt of the transition (rolled
 * back, recorded with the exception's class, retried), never a crash of the run.
 */
public interface Transitions {

  /**
   * Chooses the transition of {@code step.file} from {@code step.from} and runs its hook: sets
   * {@code step.to}, and when they change {@code step.nextFailures} (preset to
   * {@code step.failures}) and {@code step.callsApi} (preset to false).
   */
  void dispatch(Step step, SplittableRandom rng);

  /**
   * The external call of a step whose {@code callsApi} is set; returns when it is done.
   * Default: none (a workload that never sets {@code callsApi} need not implement it).
   */
  default void call(Step step, SplittableRandom rng) {
  }

  /**
   * Adjusts the SQL write request, which the runner has filled from the step (file, from and to
   * state names, version, failures, worker). Default: nothing to add.
   */
  default void write(Step step, TransitionWrite write) {
  }

  /**
   * Your DB step in Java, run by the strategy inside its transaction instead of the workload's
   * SQL; asked once per worker. Default: empty, the schema's write SQL runs.
   */
  default Optional<DbStep> dbStep() {
    return Optional.empty();
  }

  /**
   * One file's transition in progress, reused by a worker for every transition.
   */
  final class Step {
    /** The file. */
    public int file;
    /** State code the file is in. */
    public int from;
    /** State code the transition leads to (set by dispatch). */
    public int to;
    /** The file's version (committed transitions so far). */
    public int version;
    /** The file's failure count. */
    public int failures;
    /** The failure count after this transition (set by dispatch). */
    public int nextFailures;
    /** Whether this transition makes the external call (set by dispatch). */
    public boolean callsApi;
    /** A checksum of the hooks' work, so that the JIT keeps it. */
    public long checksum;

    /** Starts a file in {@code initial}. */
    public void start(int fileId, int initial) {
      file = fileId;
      from = initial;
      version = 0;
      failures = 0;
    }

    /** Moves the file on after a committed transition. */
    public void committed() {
      from = to;
      version++;
      failures = nextFailures;
    }
  }
}
