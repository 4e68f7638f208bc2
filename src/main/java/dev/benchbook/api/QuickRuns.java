package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small runs from a notebook: default workload, no warmup, short ceiling probe, quiet. */
final class QuickRuns {

  /** Configs with API latency stop taking new files after this long. */
  static final Duration DURATION_BOUND = Duration.ofSeconds(5);
  /** How long the ceiling probe runs. */
  static final Duration CEILING_PROBE = Duration.ofMillis(300);

  private QuickRuns() {
  }

  /** The baseline strategy over every concurrency x profile. */
  static Measured matrix(List<Integer> concurrency, List<String> profiles, int files)
      throws IOException, SQLException, InterruptedException {
    List<BenchConfig> configs = new ArrayList<>();
    for (int c : concurrency) {
      for (String p : profiles) {
        configs.add(config(c, p, StrategySpec.baseline().name(), files));
      }
    }
    return run(configs, 1, files, Summary.matrix());
  }

  /** The baseline then each mitigation strategy on one config, {@code reps} interleaved reps. */
  static Measured mitigate(int concurrency, String profile, int files, int reps,
      List<String> strategies) throws IOException, SQLException, InterruptedException {
    List<String> names = strategies.isEmpty() ? List.of("shared-connection") : strategies;
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(config(concurrency, profile, StrategySpec.baseline().name(), files));
    for (String s : names) {
      if (StrategySpec.baseline().name().equals(s)) {
        throw new IllegalArgumentException("the baseline strategy " + s + " always runs; give "
            + "mitigations among " + StrategySpec.NAMES.subList(1, StrategySpec.NAMES.size()));
      }
      configs.add(config(concurrency, profile, s, files));
    }
    return run(configs, reps, files, Summary.mitigation(CompareOptions.defaults()));
  }

  private static BenchConfig config(int concurrency, String profile, String strategy,
      int files) {
    return new BenchConfig(BenchConfig.standardId(concurrency, profile, strategy), concurrency,
        LatencyProfile.named(profile), StrategySpec.named(strategy), files,
        SqliteSettings.defaults(), 0, 0.0, DURATION_BOUND);
  }

  private static Measured run(List<BenchConfig> configs, int reps, int files, Summary summary)
      throws IOException, SQLException, InterruptedException {
    RunPlan plan = new RunPlan(configs, reps, CompareOptions.DEFAULT_SEED, false,
        Duration.ofSeconds(1), CEILING_PROBE, Path.of(System.getProperty("java.io.tmpdir")),
        List.of());
    return Benchbook.run(plan, parameters(files, reps), new RunControl(), ProgressListener.NONE,
        summary);
  }

  private static Map<String, Object> parameters(int files, int reps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("reps", reps);
    m.put("duration_s", DURATION_BOUND.toMillis() / 1000.0);
    m.put("seed", CompareOptions.DEFAULT_SEED);
    m.put("synchronous", SqliteSettings.defaults().synchronous());
    m.put("hold_ms", 0.0);
    m.put("busy_timeout_ms", SqliteSettings.defaults().busyTimeoutMs());
    m.put("failure_probability", 0.0);
    m.put("warmup", false);
    m.put("ceiling_probe_s", CEILING_PROBE.toMillis() / 1000.0);
    m.put("source", "Benchbook quick run (notebook)");
    return m;
  }
}
