package dev.benchbook.results;

import java.util.Map;

/**
 * The workload a config ran: what must match for two configs to be comparable.
 *
 * @param files files moved through the flow
 * @param flow name of the state-machine flow
 * @param synchronous SQLite {@code PRAGMA synchronous} value (NORMAL or FULL)
 * @param holdMs time held inside each write transaction, in milliseconds
 * @param busyTimeoutMs SQLite busy timeout per connection, in milliseconds
 * @param failureProbability probability that an API edge fails and is retried
 * @param latency the API latency profile: name and distribution parameters
 */
public record WorkloadSpec(
    int files,
    String flow,
    String synchronous,
    double holdMs,
    long busyTimeoutMs,
    double failureProbability,
    Map<String, Object> latency) {

  /** Validates ranges. */
  public WorkloadSpec {
    if (files < 1) {
      throw new IllegalArgumentException("files must be >= 1, got " + files);
    }
    if (holdMs < 0) {
      throw new IllegalArgumentException("hold_ms must be >= 0 ms, got " + holdMs);
    }
    if (failureProbability < 0 || failureProbability >= 1) {
      throw new IllegalArgumentException(
          "failure_probability must be in [0, 1), got " + failureProbability);
    }
    latency = latency == null ? Map.of() : Map.copyOf(latency);
  }
}
