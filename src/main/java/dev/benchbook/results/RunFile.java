package dev.benchbook.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One results file: a matrix run, a mitigation run or a sweep.
 *
 * <p>Matrix and sweep files list their configs in {@code configs}. Mitigation files hold the
 * seed's fields: {@code baseline}, {@code mitigation_run} (or {@code mitigation_runs} when
 * several strategies ran) and {@code comparison} (or {@code comparisons}).
 *
 * @param schemaVersion format version, see docs/RESULTS-FORMAT.md
 * @param kind {@code matrix}, {@code mitigation} or {@code sweep}
 * @param reconstructed true when rebuilt from a published summary rather than measured
 * @param manifest reproducibility manifest
 * @param ceilingTxPerS ceiling probe: single-connection transactions per second
 * @param configs configs of a matrix or sweep run
 * @param baseline baseline config of a mitigation run
 * @param mitigationRun the mitigation config, when one strategy ran
 * @param mitigationRuns the mitigation configs, when several strategies ran
 * @param comparison comparison of baseline and mitigation_run
 * @param comparisons one comparison per mitigation run, when several ran
 * @param sweep the varied parameter of a sweep run
 * @param rowsFile name of the raw-rows file beside this one, when written
 * @param complete false when the run was interrupted; such files are kept but marked
 * @param jfrFile name of the Java Flight Recorder file beside this one, when recorded
 *     ({@code --jfr})
 * @param profiles where each config's time went, from that recording
 */
public record RunFile(
    int schemaVersion,
    String kind,
    boolean reconstructed,
    Manifest manifest,
    Optional<Double> ceilingTxPerS,
    List<ConfigResult> configs,
    Optional<ConfigResult> baseline,
    Optional<ConfigResult> mitigationRun,
    List<ConfigResult> mitigationRuns,
    Optional<Comparison> comparison,
    List<Comparison> comparisons,
    Optional<SweepSpec> sweep,
    Optional<String> rowsFile,
    boolean complete,
    Optional<String> jfrFile,
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    List<ConfigProfile> profiles) {

  /** Current schema version written by this build. */
  public static final int SCHEMA_VERSION = 1;

  /** Normalises absent collections and optionals. */
  public RunFile {
    ceilingTxPerS = ceilingTxPerS == null ? Optional.empty() : ceilingTxPerS;
    configs = configs == null ? List.of() : List.copyOf(configs);
    baseline = baseline == null ? Optional.empty() : baseline;
    mitigationRun = mitigationRun == null ? Optional.empty() : mitigationRun;
    mitigationRuns = mitigationRuns == null ? List.of() : List.copyOf(mitigationRuns);
    comparison = comparison == null ? Optional.empty() : comparison;
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    sweep = sweep == null ? Optional.empty() : sweep;
    rowsFile = rowsFile == null ? Optional.empty() : rowsFile;
    jfrFile = jfrFile == null ? Optional.empty() : jfrFile;
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
  }

  /** A file without a recording (every file written without {@code --jfr}). */
  public RunFile(int schemaVersion, String kind, boolean reconstructed, Manifest manifest,
      Optional<Double> ceilingTxPerS, List<ConfigResult> configs,
      Optional<ConfigResult> baseline, Optional<ConfigResult> mitigationRun,
      List<ConfigResult> mitigationRuns, Optional<Comparison> comparison,
      List<Comparison> comparisons, Optional<SweepSpec> sweep, Optional<String> rowsFile,
      boolean complete) {
    this(schemaVersion, kind, reconstructed, manifest, ceilingTxPerS, configs, baseline,
        mitigationRun, mitigationRuns, comparison, comparisons, sweep, rowsFile, complete,
        Optional.empty(), List.of());
  }

  /** This file with a recording's name and the profiles read from it. */
  public RunFile withProfiles(Optional<String> jfr, List<ConfigProfile> value) {
    return new RunFile(schemaVersion, kind, reconstructed, manifest, ceilingTxPerS, configs,
        baseline, mitigationRun, mitigationRuns, comparison, comparisons, sweep, rowsFile,
        complete, jfr, value);
  }

  /** Every config in this file: matrix configs, then baseline, then mitigation runs. */
  public List<ConfigResult> allConfigs() {
    List<ConfigResult> all = new ArrayList<>(configs);
    baseline.ifPresent(all::add);
    mitigationRun.ifPresent(all::add);
    all.addAll(mitigationRuns);
    return all;
  }

  /** This file with every config (matrix, baseline and mitigations) passed through {@code f}. */
  public RunFile mapConfigs(java.util.function.UnaryOperator<ConfigResult> f) {
    return new RunFile(schemaVersion, kind, reconstructed, manifest, ceilingTxPerS,
        configs.stream().map(f).toList(), baseline.map(f), mitigationRun.map(f),
        mitigationRuns.stream().map(f).toList(), comparison, comparisons, sweep, rowsFile,
        complete, jfrFile, profiles);
  }

  /** Finds a config by id. */
  public Optional<ConfigResult> config(String id) {
    return allConfigs().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Every comparison in this file. */
  public List<Comparison> allComparisons() {
    List<Comparison> all = new ArrayList<>();
    comparison.ifPresent(all::add);
    all.addAll(comparisons);
    return all;
  }
}
