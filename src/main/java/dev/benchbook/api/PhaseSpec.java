package dev.benchbook.api;

import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.Strategy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a phase runs: the baseline matrix (concurrency x profiles) plus an optional contended
 * scenario, the mitigations to test on the chosen target (in {@code mitigationForks} fresh
 * JVMs of {@code mitigationReps} repetitions each), and where results and the report go.
 *
 * @param settings the run's settings; the matrix runs in this JVM with its repetitions
 * @param concurrency worker counts of the matrix
 * @param profiles latency profiles of the matrix
 * @param scenario the contended scenario, if any
 * @param target the config to mitigate; empty: the rule of {@link Phase#target} chooses
 * @param mitigations strategies to test, as text {@code name[:key=value,...]}
 * @param mitigationReps repetitions per fork of the mitigation comparison
 * @param mitigationForks fresh JVMs of the mitigation comparison
 * @param dataDir where the results files go
 * @param reportsDir where the report goes; empty: no report
 * @param openLoop whether a third step runs the target and its mitigations open-loop at a
 *     rate near the baseline's closed-loop throughput there (see {@link Phase#openLoopRate})
 */
public record PhaseSpec(PlanSettings settings, List<Integer> concurrency, List<String> profiles,
    Optional<Scenario> scenario, Optional<String> target, List<String> mitigations,
    int mitigationReps, int mitigationForks, Path dataDir, Optional<Path> reportsDir,
    boolean openLoop) {

  /** Copies lists and checks ranges. */
  public PhaseSpec {
    concurrency = List.copyOf(concurrency);
    profiles = List.copyOf(profiles);
    mitigations = List.copyOf(mitigations);
    if (mitigations.isEmpty()) {
      throw new IllegalArgumentException("a phase needs at least one mitigation");
    }
    if (mitigationReps < 1 || mitigationReps > 1000) {
      throw new IllegalArgumentException("--mitigation-reps must be in [1, 1000], got "
          + mitigationReps);
    }
    settings.toBuilder().forks(mitigationForks).build();
    if (openLoop && settings.arrivals().isPresent()) {
      throw new IllegalArgumentException("--open-loop chooses its rate from the baseline's "
          + "closed-loop throughput: leave out --rate " + settings.arrivals().get().rateText());
    }
  }

  /** A phase without the open-loop step. */
  public PhaseSpec(PlanSettings settings, List<Integer> concurrency, List<String> profiles,
      Optional<Scenario> scenario, Optional<String> target, List<String> mitigations,
      int mitigationReps, int mitigationForks, Path dataDir, Optional<Path> reportsDir) {
    this(settings, concurrency, profiles, scenario, target, mitigations, mitigationReps,
        mitigationForks, dataDir, reportsDir, false);
  }

  /** The same phase with (or without) its open-loop step. */
  public PhaseSpec withOpenLoop(boolean on) {
    return new PhaseSpec(settings, concurrency, profiles, scenario, target, mitigations,
        mitigationReps, mitigationForks, dataDir, reportsDir, on);
  }

  /**
   * The phase {@code ./benchbook phase} runs by default: concurrency {1, 10} x {zero, fast,
   * realistic}, the scenario c16-fast-hold1 on 400 files, every mitigation in 4 forks of one
   * repetition, results into {@code dataDir}, the report into {@code reportsDir}.
   */
  public static PhaseSpec standard(Path dataDir, Path reportsDir) {
    return new PhaseSpec(PlanSettings.builder().build(), List.of(1, 10),
        List.of("zero", "fast", "realistic"), Optional.of(Scenario.standard()), Optional.empty(),
        Strategies.mitigations().stream().map(Strategy::name).toList(), 1, 4, dataDir,
        Optional.of(reportsDir));
  }

  /** The same phase with other settings (files, reps, seed...). */
  public PhaseSpec withSettings(PlanSettings s) {
    return new PhaseSpec(s, concurrency, profiles, scenario, target, mitigations, mitigationReps,
        mitigationForks, dataDir, reportsDir, openLoop);
  }

  /** The same phase over another matrix. */
  public PhaseSpec withMatrix(List<Integer> workers, List<String> latencyProfiles) {
    return new PhaseSpec(settings, workers, latencyProfiles, scenario, target, mitigations,
        mitigationReps, mitigationForks, dataDir, reportsDir, openLoop);
  }

  /** The same phase with another scenario (empty: none). */
  public PhaseSpec withScenario(Optional<Scenario> s) {
    return new PhaseSpec(settings, concurrency, profiles, s, target, mitigations, mitigationReps,
        mitigationForks, dataDir, reportsDir, openLoop);
  }

  /** The same phase testing other mitigations, in {@code forks} x {@code reps}. */
  public PhaseSpec withMitigations(List<String> strategies, int forks, int reps) {
    return new PhaseSpec(settings, concurrency, profiles, scenario, target, strategies, reps,
        forks, dataDir, reportsDir, openLoop);
  }

  /** The same phase mitigating config {@code id}. */
  public PhaseSpec withTarget(String id) {
    return new PhaseSpec(settings, concurrency, profiles, scenario, Optional.of(id), mitigations,
        mitigationReps, mitigationForks, dataDir, reportsDir, openLoop);
  }

  /** The matrix's configs: the baseline over concurrency x profiles, then the scenario. */
  List<BenchConfig> matrixConfigs() {
    List<BenchConfig> out = new java.util.ArrayList<>(settings.matrix(concurrency, profiles,
        Strategies.BASELINE.name()));
    scenario.map(s -> s.config(settings)).filter(s -> out.stream()
        .noneMatch(m -> m.id().equals(s.id()))).ifPresent(out::add);
    return out;
  }

  /** The scenario's and target's parameters for both manifests. */
  Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario.map(Scenario::id).orElse("none"));
    scenario.ifPresent(s -> {
      m.put("scenario_files", s.files());
      m.put("scenario_hold_ms", s.holdMs());
    });
    target.ifPresent(t -> m.put("target", t));
    return m;
  }

  /**
   * The phase's contended scenario: one extra baseline config with think time and work held
   * in the transaction (docs/CONTENTION.md sections 2 and 3), where the write lock starves
   * workers.
   *
   * @param concurrency workers
   * @param profile latency profile
   * @param holdMs work held in each write transaction, ms
   * @param files files of the scenario and of its mitigations
   */
  public record Scenario(int concurrency, String profile, double holdMs, int files) {

    /** Checks ranges, naming the flags. */
    public Scenario {
      if (concurrency < 1 || concurrency > 1024) {
        throw new IllegalArgumentException("--concurrency values must be in [1, 1024], got "
            + concurrency);
      }
      if (files < 1) {
        throw new IllegalArgumentException("--scenario-files must be >= 1, got " + files);
      }
      if (!(holdMs >= 0 && holdMs <= 10_000)) {
        throw new IllegalArgumentException("--scenario-hold-ms must be in [0, 10000] ms, got "
            + holdMs);
      }
    }

    /** c16-fast-hold1 on 400 files. */
    public static Scenario standard() {
      return new Scenario(16, "fast", 1.0, 400);
    }

    /** Its config id, e.g. {@code c16-fast-hold1}. */
    public String id() {
      return BenchConfig.standardId(concurrency, profile, Strategies.BASELINE.name())
          + holdSuffix(holdMs);
    }

    /** Its baseline config with these settings. */
    BenchConfig config(PlanSettings settings) {
      return settings.toBuilder().holdMs(holdMs).files(files).build()
          .config(id(), concurrency, profile, Strategies.BASELINE.name());
    }

    /** E.g. {@code -hold1} for 1 ms, {@code -hold0.5} for 0.5 ms, empty for no hold. */
    static String holdSuffix(double holdMs) {
      return holdMs == 0 ? "" : "-hold"
          + BigDecimal.valueOf(holdMs).stripTrailingZeros().toPlainString();
    }
  }
}
