package dev.benchbook.results;

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
 */
public record Comparison(
    String baselineConfig,
    String mitigationConfig,
    List<SegmentDelta> segments,
    ThroughputRatio throughput,
    String intervals,
    double noiseThresholdPct,
    List<String> workloadDifferences) {

  /** Copies lists. */
  public Comparison {
    segments = List.copyOf(segments);
    workloadDifferences = workloadDifferences == null ? List.of() : List.copyOf(workloadDifferences);
  }

  /** The row of one segment, when present. */
  public Optional<SegmentDelta> row(Segment segment) {
    return segments.stream().filter(r -> r.segment().equals(segment.key())).findFirst();
  }
}
