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
   * The database the workload runs on: tables, seed rows, the workload file whose writes the
   * strategies run (unless the transitions have a Java {@link DbStep}) and the check after
   * every pass. Default: {@link #file()}'s. A Java workload on its own tables overrides it,
   * usually with {@link Schema#of(java.util.List, String, String)}.
   */
  default Schema schema() {
    WorkloadFile f = file();
    return f == WorkloadFile.builtIn() ? Schema.BUILT_IN : Schema.of(f);
  }

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
