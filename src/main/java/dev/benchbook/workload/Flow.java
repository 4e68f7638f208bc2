package dev.benchbook.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The state machine as data: states, edges, which edges call the API, where failures lead.
 *
 * <p>Each non-terminal state has exactly one forward edge; an edge that calls the API may
 * fail with a configurable probability and then leads to its failure state, from which the
 * flow retries. After {@code maxFailures} failures of one file it moves to the failed state.
 */
public final class Flow {

  private final String name;
  private final List<String> states;
  private final List<Edge> edges;
  private final int initial;
  private final int terminal;
  private final int failed;
  private final int maxFailures;
  private final int[] edgeByState;

  /** Builds a flow and checks that every non-terminal state has one forward edge. */
  public Flow(String name, List<String> states, List<Edge> edges, int initial, int terminal,
      int failed, int maxFailures) {
    this.name = name;
    this.states = List.copyOf(states);
    this.edges = List.copyOf(edges);
    this.initial = initial;
    this.terminal = terminal;
    this.failed = failed;
    this.maxFailures = maxFailures;
    this.edgeByState = new int[states.size()];
    Arrays.fill(edgeByState, -1);
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      checkState(e.from());
      checkState(e.to());
      if (edgeByState[e.from()] >= 0) {
        throw new IllegalArgumentException("flow " + name + ": state " + states.get(e.from())
            + " has two forward edges");
      }
      edgeByState[e.from()] = i;
    }
    for (int s = 0; s < states.size(); s++) {
      if (!isTerminal(s) && edgeByState[s] < 0) {
        throw new IllegalArgumentException("flow " + name + ": state " + states.get(s)
            + " is not terminal and has no edge");
      }
    }
  }

  private void checkState(int s) {
    if (s >= states.size()) {
      throw new IllegalArgumentException("flow " + name + ": no state with code " + s);
    }
  }

  /**
   * The standard upload flow, PENDING → UPLOADING → UPLOADED → PROCESSING → INDEXED, as the
   * built-in workload file shipped in the jar defines it ({@link WorkloadFile#builtIn()}).
   */
  public static Flow standard() {
    return BuiltIn.FLOW;
  }

  /** The built-in workload's flow, read and checked once. */
  private static final class BuiltIn {
    static final Flow FLOW = WorkloadCheck.checked(WorkloadFile.builtIn()).flow();
  }

  /** Flow name, recorded in results. */
  public String name() {
    return name;
  }

  /** State names; a state's code is its index. */
  public List<String> states() {
    return states;
  }

  /** Edges in declaration order. */
  public List<Edge> edges() {
    return edges;
  }

  /** Initial state code. */
  public int initial() {
    return initial;
  }

  /** Terminal success state code. */
  public int terminal() {
    return terminal;
  }

  /** Terminal failure state code. */
  public int failed() {
    return failed;
  }

  /** Failures of one file after which it moves to the failed state. */
  public int maxFailures() {
    return maxFailures;
  }

  /** True for the success and failure terminal states. */
  public boolean isTerminal(int state) {
    return state == terminal || state == failed;
  }

  /** Index of the forward edge leaving {@code state}, or -1 for terminal states. */
  public int edgeFrom(int state) {
    return edgeByState[state];
  }

  /** Forward transitions a file makes on the happy path (4 for the standard flow). */
  public int happyPathLength() {
    int n = 0;
    for (int s = initial; !isTerminal(s); s = edges.get(edgeByState[s]).to()) {
      n++;
    }
    return n;
  }

  /** A description for results manifests. */
  public Map<String, Object> describe() {
    return Map.of("name", name, "states", states, "max_failures", maxFailures);
  }
}
