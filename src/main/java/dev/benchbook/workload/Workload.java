package dev.benchbook.workload;

/**
 * A workload the runner can drive: its state machine as data (the database's schema, the
 * integrity check and the rows' state names come from it) and, per config, the
 * {@link Transitions} a worker runs. The built-in FSM is {@link FsmWorkload#STANDARD}; your own
 * workload implements this interface rather than editing the runner.
 */
public interface Workload {

  /** The name recorded in results ({@code flow} of a config's workload). */
  String name();

  /** The state machine: states, edges, initial and terminal states. */
  Flow flow();

  /**
   * The transitions of one worker of a config with latency profile {@code profile} (the
   * external call) and {@code failureProbability} (an external call that fails); one instance
   * per worker thread, so it may keep state.
   */
  Transitions transitions(LatencyProfile profile, double failureProbability);

  /**
   * The workload file whose schema, seed rows, writes and integrity checks the database side
   * runs: a file workload's own; by default (a workload written in Java) the built-in file's,
   * whose write the strategies apply with the states this workload's flow names.
   */
  default WorkloadFile file() {
    return WorkloadFile.builtIn();
  }
}
