package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RunFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's comparisons recomputed with today's method from its configs, repetitions and raw
 * rows (when loaded): what reports show. The comparisons stored in a file are what the tool
 * printed when the run was made; the data are the source of truth, and an interval method that
 * was wrong must not live on in every report of an old file. Point estimates (P95s, deltas,
 * ratios) are the same either way; intervals and verdicts follow the current method.
 */
public final class Recomparisons {

  private Recomparisons() {
  }

  /**
   * One comparison per stored comparison, same configs, noise threshold and bootstrap seed (the
   * run's seed, as the measuring commands use), with the file's manifest and rows.
   */
  public static List<Comparison> of(LoadedRun run) {
    RunFile f = run.run();
    List<Comparison> out = new ArrayList<>();
    for (Comparison stored : f.allComparisons()) {
      ConfigResult baseline = config(f, stored.baselineConfig());
      ConfigResult mitigation = config(f, stored.mitigationConfig());
      CompareOptions options = CompareOptions.defaults()
          .withSeed(f.manifest().seed().orElse(CompareOptions.DEFAULT_SEED))
          .withNoiseThresholdPct(stored.noiseThresholdPct())
          .withForce(!stored.workloadDifferences().isEmpty())
          .withManifests(f.manifest(), f.manifest());
      if (run.rows().isPresent()) {
        options = options.withRows(ConfigRows.of(run.rows().get(), baseline.id()),
            ConfigRows.of(run.rows().get(), mitigation.id()));
      }
      out.add(Comparisons.compare(baseline, mitigation, options));
    }
    return out;
  }

  private static ConfigResult config(RunFile f, String id) {
    return f.config(id).orElseThrow(() -> new IllegalArgumentException(
        "the file's comparison names config '" + id + "', which the file does not hold"));
  }
}
