package dev.benchbook.workload;

import java.util.SplittableRandom;

/**
 * What a worker does per transition, in the three timed steps the runner measures: dispatch
 * (choose and validate the transition, run its hook: fsm_dispatch), the external call (api),
 * and the write the strategy's channel applies inside its transaction (db_total). The runner
 * owns the clock, the rows and the retries; an implementation owns the workload's meaning.
 * Called from one thread; must not allocate per transition.
 */
public interface Transitions {

  /**
   * Chooses the transition of {@code step.file} from {@code step.from} and runs its hook: sets
   * {@code step.to}, {@code step.nextFailures} and {@code step.callsApi}.
   */
  void dispatch(Step step, SplittableRandom rng);

  /** The external call of a step whose {@code callsApi} is set; returns when it is done. */
  void call(Step step, SplittableRandom rng);

  /** Fills the write request of the step (file, from and to state, expected version). */
  void write(Step step, TransitionWrite write);

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
