package dev.benchbook.runtime;

import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.GroupCommitCeiling;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a matrix run measured, before summarising.
 *
 * @param plan the plan that ran
 * @param ceilings ceiling probe per config id: single-connection transactions per second of
 *     the config's transaction shape (synchronous, hold, files)
 * @param groupCommits group-commit probe per config id, for the configs whose strategy commits
 *     transitions in groups (their fitting ceiling); absent for the others
 * @param passes measured passes in execution order
 * @param rows raw rows of every measured pass (config codes index {@code plan.configIds()})
 * @param start when the run started
 * @param end when the run ended
 */
public record RunOutcome(RunPlan plan, Map<String, Double> ceilings,
    Map<String, GroupCommitCeiling> groupCommits, List<PassResult> passes, RawRows rows,
    Instant start, Instant end) {

  /** Copies the list. */
  public RunOutcome {
    passes = List.copyOf(passes);
    ceilings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ceilings));
    groupCommits = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(groupCommits));
  }

  /** The group-commit probe a batching config's throughput is compared with, if it has one. */
  public java.util.Optional<GroupCommitCeiling> groupCommitFor(String configId) {
    return java.util.Optional.ofNullable(groupCommits.get(configId));
  }

  /** The ceiling of the plan's first config, the run's headline ceiling. */
  public double ceilingTxPerS() {
    return ceilingFor(plan.configs().get(0).id());
  }

  /** The ceiling a config's throughput is compared with. */
  public double ceilingFor(String configId) {
    Double c = ceilings.get(configId);
    if (c == null) {
      throw new IllegalArgumentException("no ceiling probe for config " + configId);
    }
    return c;
  }

  /** Code -> name of every error the run's rows record (of every pass), sorted by code. */
  public Map<Integer, String> errors() {
    Map<Integer, String> out = new java.util.TreeMap<>();
    passes.forEach(p -> out.putAll(p.errors()));
    return out;
  }

  /** Passes of one config, in repetition order. */
  public List<PassResult> passesOf(String configId) {
    return passes.stream().filter(p -> p.config().id().equals(configId)).toList();
  }
}
