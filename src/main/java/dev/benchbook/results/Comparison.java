package dev.benchbook.results;

import dev.benchbook.rows.Segment;
import java.util.List;
import java.util.Optional;

/**
 * A before/after comparison of two configs, as stored in mitigation files.
 *
 * @param baselineConfig id of the baseline config
 * @param mitigationConfig id of the mitigation config
 * @param segments one row per segment, in the seed's order
 * @param throughput throughput ratio
 * @param intervals how intervals were computed, or why there are none
 * @param noiseThresholdPct changes below this percentage are within noise
 * @param workloadDifferences what differs between the two workloads (non-empty only if forced)
 * @param noiseFloorMs absolute noise floor: a P95 delta smaller than this (ms) is within noise
 *     whatever its interval (derived from the measured clock cost; absent when unknown)
 * @param setupDifferences how the two runs' machines or JVMs differ (cross-file comparisons);
 *     when non-empty the comparison gives no verdicts
 * @param baselineRun the run the baseline config comes from, when the comparison was made
 *     between two loaded runs (absent in the comparisons a results file stores)
 * @param mitigationRun the run of the mitigation (or second) config, likewise
 */
public record Comparison(
    String baselineConfig,
    String mitigationConfig,
    List<SegmentDelta> segments,
    ThroughputRatio throughput,
    String intervals,
    double noiseThresholdPct,
    List<String> workloadDifferences,
    Optional<Double> noiseFloorMs,
    List<String> setupDifferences,
    Optional<String> baselineRun,
    Optional<String> mitigationRun) {

  /** Copies lists. */
  public Comparison {
    segments = List.copyOf(segments);
    workloadDifferences = workloadDifferences == null ? List.of() : List.copyOf(workloadDifferences);
    noiseFloorMs = noiseFloorMs == null ? Optional.empty() : noiseFloorMs;
    setupDifferences = setupDifferences == null ? List.of() : List.copyOf(setupDifferences);
    baselineRun = baselineRun == null ? Optional.empty() : baselineRun;
    mitigationRun = mitigationRun == null ? Optional.empty() : mitigationRun;
  }

  /** A comparison that does not name its runs (as results files store them). */
  public Comparison(String baselineConfig, String mitigationConfig, List<SegmentDelta> segments,
      ThroughputRatio throughput, String intervals, double noiseThresholdPct,
      List<String> workloadDifferences, Optional<Double> noiseFloorMs,
      List<String> setupDifferences) {
    this(baselineConfig, mitigationConfig, segments, throughput, intervals, noiseThresholdPct,
        workloadDifferences, noiseFloorMs, setupDifferences, Optional.empty(), Optional.empty());
  }

  /**
   * This comparison naming the runs its two sides come from, so that tables, sentences and
   * chart titles name both (see {@link Sides#of(Comparison)}).
   */
  public Comparison withRuns(String baselineRun, String mitigationRun) {
    return new Comparison(baselineConfig, mitigationConfig, segments, throughput, intervals,
        noiseThresholdPct, workloadDifferences, noiseFloorMs, setupDifferences,
        Optional.of(baselineRun), Optional.of(mitigationRun));
  }

  /** A comparison without a noise floor or setup check (the record's earlier shape). */
  public Comparison(String baselineConfig, String mitigationConfig, List<SegmentDelta> segments,
      ThroughputRatio throughput, String intervals, double noiseThresholdPct,
      List<String> workloadDifferences) {
    this(baselineConfig, mitigationConfig, segments, throughput, intervals, noiseThresholdPct,
        workloadDifferences, Optional.empty(), List.of());
  }

  /** The row of one segment, when present. */
  public Optional<SegmentDelta> row(Segment segment) {
    return segments.stream().filter(r -> r.segment().equals(segment.key())).findFirst();
  }
}
