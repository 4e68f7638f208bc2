package dev.benchbook.runtime;

/** Receives progress events from a matrix run; called from the runner's thread. */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() { };

  /** The whole run will perform about {@code expectedTransitions} measured transitions. */
  default void runStarted(long expectedTransitions) {
  }

  /** A pass starts: {@code rep} is -1 for the warmup pass. */
  default void passStarted(String configId, int rep, int reps) {
  }

  /**
   * The pass's clock: its rows' offsets (start, intended start) count from this
   * {@link System#nanoTime()} value, so that an outside event can be placed among them.
   */
  default void passOrigin(String configId, int rep, long originNanoTime) {
  }

  /** Periodic update: transitions done so far in the current pass. */
  default void passProgress(String configId, int rep, long transitionsDone) {
  }

  /** A pass ended. */
  default void passEnded(String configId, int rep, long transitions) {
  }

  /** The run ended (also after a failure or cancellation). */
  default void runEnded() {
  }
}
