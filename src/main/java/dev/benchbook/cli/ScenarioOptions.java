package dev.benchbook.cli;

import dev.benchbook.api.PhaseSpec;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The phase's contended scenario: one extra baseline config with think time and work held in
 * the transaction (docs/CONTENTION.md sections 2 and 3), where the write lock starves workers.
 */
public final class ScenarioOptions {

  @Option(names = "--scenario-concurrency", paramLabel = "N",
      description = "Workers of the contended scenario (default: ${DEFAULT-VALUE}).")
  int concurrency = 16;

  @Option(names = "--scenario-profile", paramLabel = "NAME",
      description = "Latency profile of the contended scenario (default: ${DEFAULT-VALUE}).")
  String profile = "fast";

  @Option(names = "--scenario-hold-ms", paramLabel = "MS",
      description = "Work held in each write transaction of the scenario, ms "
          + "(default: ${DEFAULT-VALUE}).")
  double holdMs = 1.0;

  @Option(names = "--scenario-files", paramLabel = "N",
      description = "Files of the contended scenario and of its mitigations "
          + "(default: ${DEFAULT-VALUE}).")
  int files = 400;

  @Option(names = "--no-scenario", description = "Run the matrix only, without the contended "
      + "scenario.")
  boolean none;

  @Option(names = "--target", paramLabel = "ID", description = "Config to mitigate (default: "
      + "the highest contention score).")
  Optional<String> target = Optional.empty();

  /** The scenario these flags describe, unless --no-scenario; checks ranges. */
  Optional<PhaseSpec.Scenario> scenario() {
    return none ? Optional.empty()
        : Optional.of(new PhaseSpec.Scenario(concurrency, profile, holdMs, files));
  }
}
