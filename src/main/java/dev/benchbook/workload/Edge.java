package dev.benchbook.workload;

/**
 * One edge of the flow: a transition from one state to another.
 *
 * @param from from-state code
 * @param to to-state code
 * @param callsApi whether taking this edge calls the simulated external API first
 * @param failureTo state taken instead when the API call fails, or -1 when the edge cannot fail
 * @param hook name of the dispatch hook run when the edge is taken
 */
public record Edge(int from, int to, boolean callsApi, int failureTo, String hook) {

  /** Validates state codes. */
  public Edge {
    if (from < 0 || to < 0) {
      throw new IllegalArgumentException("edge states must be >= 0, got " + from + " -> " + to);
    }
    if (failureTo < -1) {
      throw new IllegalArgumentException("failure_to must be -1 (none) or a state, got " + failureTo);
    }
  }

  /** True when the edge has a failure alternative. */
  public boolean canFail() {
    return failureTo >= 0;
  }
}
