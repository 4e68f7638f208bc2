package dev.benchbook.cli;

import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.workload.Strategies;
import java.math.BigDecimal;
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

  /** Checks ranges, naming the flag. */
  void validate() {
    PointOptions.checkConcurrency(concurrency);
    if (files < 1) {
      throw new IllegalArgumentException("--scenario-files must be >= 1, got " + files);
    }
    if (!(holdMs >= 0 && holdMs <= 10_000)) {
      throw new IllegalArgumentException("--scenario-hold-ms must be in [0, 10000] ms, got "
          + holdMs);
    }
  }

  /** The scenario's baseline config, unless --no-scenario. */
  Optional<BenchConfig> config(WorkloadOptions workload) {
    if (none) {
      return Optional.empty();
    }
    String baseline = Strategies.BASELINE.name();
    String id = BenchConfig.standardId(concurrency, profile, baseline) + holdSuffix(holdMs);
    return Optional.of(workload.config(id, concurrency, profile, baseline,
        workload.synchronous, holdMs, files));
  }

  /** The scenario's settings for the manifest. */
  java.util.Map<String, Object> parameters() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("scenario", none ? "none" : BenchConfig.standardId(concurrency, profile,
        Strategies.BASELINE.name())
        + holdSuffix(holdMs));
    if (!none) {
      m.put("scenario_files", files);
      m.put("scenario_hold_ms", holdMs);
    }
    target.ifPresent(t -> m.put("target", t));
    return m;
  }

  /** E.g. {@code -hold1} for 1 ms, {@code -hold0.5} for 0.5 ms, empty for no hold. */
  static String holdSuffix(double holdMs) {
    return holdMs == 0 ? "" : "-hold"
        + BigDecimal.valueOf(holdMs).stripTrailingZeros().toPlainString();
  }
}
