package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;

/**
 * One transition's write request and its result, reused by a worker for every transition so
 * that the hot path allocates nothing.
 *
 * <p>The worker fills the request fields, a {@link WriteChannel} performs the write and fills
 * the result fields.
 */
public final class TransitionWrite {

  /** Request: file id. */
  public int fileId;
  /** Request: state name the file must be in. */
  public String fromState;
  /** Request: state name to move to. */
  public String toState;
  /** Request: version the file must have. */
  public int expectedVersion;
  /** Request: new failure count of the file. */
  public int failures;
  /** Request: worker index, written to the audit row. */
  public int worker;
  /** Request: the from-state's code (chooses the edge's write in a workload file). */
  public int fromCode;
  /** Request: the transition takes its edge's failure path (its external call failed). */
  public boolean failure;
  /** The columns of the write's select for this transition (sized by the write's SQL). */
  public Object[] selected;
  /** Request: throw between UPDATE and COMMIT (tests of rollback). */
  public boolean injectFailure;
  /**
   * Request: System.nanoTime() when the worker started the DB step; lock_wait is measured from
   * it, so that no extra clock read is needed and lock_wait never exceeds db_total.
   */
  public long dbStartNs;
  /** Request: the workload's DB step in Java, or null to run the workload's SQL. */
  public DbStep dbStep;
  /** Request: the transition the Java DB step writes (set with {@link #dbStep}). */
  public Transitions.Step step;

  /** Result: ns from asking for write access until holding it. */
  public long lockWaitNs;
  /** Result: busy-handler invocations. */
  public int busyRetries;
  /** Result: what happened to the write. */
  public Outcome result = Outcome.ROLLED_BACK;
  /** Result: what failed, when {@link #result} is {@link Outcome#FAILED}; else null. */
  public Throwable thrown;

  /** Clears the result fields before a write. */
  public void resetResult() {
    lockWaitNs = 0;
    busyRetries = 0;
    result = Outcome.ROLLED_BACK;
    thrown = null;
  }

  /** Sets the result of a write that threw: busy, an injected failure, or a failure. */
  public void failed(Throwable t) {
    if (t instanceof Exception e && TransactionSql.isBusy(e)) {
      result = Outcome.BUSY;
    } else if (t instanceof TransactionSql.InjectedFailure) {
      result = Outcome.ROLLED_BACK;
    } else {
      result = Outcome.FAILED;
      thrown = t;
    }
  }
}
