package dev.benchbook.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Everything a matrix run measured, before summarising.
 *
 * @param plan the plan that ran
 * @param ceilingTxPerS ceiling probe: single-connection transactions per second
 * @param passes measured passes in execution order
 * @param rows raw rows of every measured pass (config codes index {@code plan.configIds()})
 * @param start when the run started
 * @param end when the run ended
 */
public record RunOutcome(RunPlan plan, double ceilingTxPerS, List<PassResult> passes,
    RawRows rows, Instant start, Instant end) {

  /** Copies the list. */
  public RunOutcome {
    passes = List.copyOf(passes);
  }

  /** Passes of one config, in repetition order. */
  public List<PassResult> passesOf(String configId) {
    return passes.stream().filter(p -> p.config().id().equals(configId)).toList();
  }
}
