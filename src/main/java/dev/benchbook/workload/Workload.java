package dev.benchbook.workload;

/**
 * A workload the runner can drive: its state machine as data (the rows' state names come from
 * it), its database ({@link Schema}) and, per config, the {@link Transitions} a worker runs.
 * The built-in FSM is {@link FsmWorkload#STANDARD}; your own workload implements this
 * interface rather than editing the runner (docs/WORKLOADS.md, "Your code in the loop").
 */
public interface Workload {

  /** The name recorded in results ({@code flow} of a config's workload). */
  String name();

  /** The state machine: states, edges, initial and terminal states. */
  Flow flow();

  /**
   * The database the workload runs on: tables, seed rows, the write SQL (unless its
   * transitions have a Java {@link DbStep}) and the check after every pass. Default: the
   * built-in workload's tables ({@code files} and the audit table {@code transitions}).
   */
  default Schema schema() {
    return Schema.BUILT_IN;
  }

  /**
   * The transitions of one worker of a config with latency profile {@code profile} (the
   * external call) and {@code failureProbability} (an external call that fails); one instance
   * per worker thread, so it may keep state.
   */
  Transitions transitions(LatencyProfile profile, double failureProbability);
}
