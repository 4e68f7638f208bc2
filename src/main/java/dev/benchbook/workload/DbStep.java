package dev.benchbook.workload;

/**
 * A transition's DB step written in Java: the strategy runs it inside its transaction, on the
 * connection it chose (the worker's own, the shared one, or the writer thread's), timed as
 * db_total with lock_wait measured by the strategy. Return {@code true} when the transition
 * was written and {@code false} when your optimistic check matched nothing (a conflict:
 * rolled back, the worker retries). Anything it throws rolls the transition back and is
 * recorded as a failed attempt with the exception's class (an SQL error: its SQLite code).
 * Never commit, roll back or close anything: the strategy does.
 */
@FunctionalInterface
public interface DbStep {

  /** Writes one transition of {@code step} through {@code tx}; false for a conflict. */
  boolean run(Transitions.Step step, Transaction tx) throws Exception;
}
