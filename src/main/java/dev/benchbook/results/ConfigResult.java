package dev.benchbook.results;

import dev.benchbook.rows.Segment;
import dev.benchbook.workload.GroupCommitCeiling;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one config over all its repetitions: pooled segment stats and per-rep results.
 *
 * @param id config id, e.g. {@code c10-zero} or {@code c10-zero-shared-connection}
 * @param concurrency number of concurrent workers
 * @param profile API latency profile name
 * @param strategy connection strategy name
 * @param strategyOptions strategy knobs (fairness, batch size...) as recorded
 * @param atomic false for strategies that do not keep each transition atomic
 * @param reps repetitions measured
 * @param transitions committed transitions over all repetitions
 * @param wallS wall seconds over all repetitions
 * @param transitionsPerS transitions / wall seconds over all repetitions
 * @param pctOfCeiling transitions per second as a percentage of the ceiling that fits the
 *     strategy: the group-commit probe when {@code groupCommitCeiling} is present (a strategy
 *     that commits transitions in groups), else the per-transaction probe
 * @param conflicts failed optimistic checks
 * @param busyErrors SQLITE_BUSY errors that escaped the busy handler
 * @param durationBounded whether any repetition was stopped by the duration bound
 * @param workload the workload parameters that must match for a comparison
 * @param segments per-segment stats pooled over all repetitions' rows
 * @param repetitions per-repetition results (empty for reconstructed files)
 * @param ceilingTxPerS the per-transaction ceiling probe of this config's transaction shape (one
 *     probe per distinct synchronous and hold setting of a run); {@code pct_of_ceiling} is
 *     relative to it unless the config has a group-commit ceiling
 * @param fairness how evenly the workers shared the committed work (absent in older files and
 *     files without raw rows)
 * @param groupCommitCeiling the group-commit probe at this config's group size, for a strategy
 *     that commits transitions in groups (the writer-queue); absent for the others and in
 *     files written before the probe existed
 * @param openLoop requested and achieved arrival rate of an open-loop config; absent for the
 *     closed loop
 */
public record ConfigResult(
    String id,
    int concurrency,
    String profile,
    String strategy,
    Map<String, Object> strategyOptions,
    boolean atomic,
    int reps,
    long transitions,
    Double wallS,
    double transitionsPerS,
    Double pctOfCeiling,
    long conflicts,
    long busyErrors,
    boolean durationBounded,
    Optional<WorkloadSpec> workload,
    Map<String, SegmentStats> segments,
    List<RepResult> repetitions,
    Optional<Double> ceilingTxPerS,
    Optional<WorkerFairness> fairness,
    Optional<GroupCommitCeiling> groupCommitCeiling,
    Optional<OpenLoop> openLoop) {

  /** Validates identity fields and copies collections. */
  public ConfigResult {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("config id must not be blank");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
    }
    strategyOptions = strategyOptions == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(strategyOptions));
    workload = workload == null ? Optional.empty() : workload;
    segments = segments == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    repetitions = repetitions == null ? List.of() : List.copyOf(repetitions);
    ceilingTxPerS = ceilingTxPerS == null ? Optional.empty() : ceilingTxPerS;
    fairness = fairness == null ? Optional.empty() : fairness;
    groupCommitCeiling = groupCommitCeiling == null ? Optional.empty() : groupCommitCeiling;
    openLoop = openLoop == null ? Optional.empty() : openLoop;
  }

  /** A closed-loop config. */
  public ConfigResult(String id, int concurrency, String profile, String strategy,
      Map<String, Object> strategyOptions, boolean atomic, int reps, long transitions,
      Double wallS, double transitionsPerS, Double pctOfCeiling, long conflicts, long busyErrors,
      boolean durationBounded, Optional<WorkloadSpec> workload,
      Map<String, SegmentStats> segments, List<RepResult> repetitions,
      Optional<Double> ceilingTxPerS, Optional<WorkerFairness> fairness,
      Optional<GroupCommitCeiling> groupCommitCeiling) {
    this(id, concurrency, profile, strategy, strategyOptions, atomic, reps, transitions, wallS,
        transitionsPerS, pctOfCeiling, conflicts, busyErrors, durationBounded, workload, segments,
        repetitions, ceilingTxPerS, fairness, groupCommitCeiling, Optional.empty());
  }

  /** This config with its open-loop figures. */
  public ConfigResult withOpenLoop(OpenLoop figures) {
    return new ConfigResult(id, concurrency, profile, strategy, strategyOptions, atomic, reps,
        transitions, wallS, transitionsPerS, pctOfCeiling, conflicts, busyErrors,
        durationBounded, workload, segments, repetitions, ceilingTxPerS, fairness,
        groupCommitCeiling, Optional.of(figures));
  }

  /** A config without a group-commit ceiling (strategies that commit transitions alone). */
  public ConfigResult(String id, int concurrency, String profile, String strategy,
      Map<String, Object> strategyOptions, boolean atomic, int reps, long transitions,
      Double wallS, double transitionsPerS, Double pctOfCeiling, long conflicts, long busyErrors,
      boolean durationBounded, Optional<WorkloadSpec> workload,
      Map<String, SegmentStats> segments, List<RepResult> repetitions,
      Optional<Double> ceilingTxPerS, Optional<WorkerFairness> fairness) {
    this(id, concurrency, profile, strategy, strategyOptions, atomic, reps, transitions, wallS,
        transitionsPerS, pctOfCeiling, conflicts, busyErrors, durationBounded, workload, segments,
        repetitions, ceilingTxPerS, fairness, Optional.empty());
  }

  /** A config without fairness figures (older files, files without raw rows). */
  public ConfigResult(String id, int concurrency, String profile, String strategy,
      Map<String, Object> strategyOptions, boolean atomic, int reps, long transitions,
      Double wallS, double transitionsPerS, Double pctOfCeiling, long conflicts, long busyErrors,
      boolean durationBounded, Optional<WorkloadSpec> workload,
      Map<String, SegmentStats> segments, List<RepResult> repetitions,
      Optional<Double> ceilingTxPerS) {
    this(id, concurrency, profile, strategy, strategyOptions, atomic, reps, transitions, wallS,
        transitionsPerS, pctOfCeiling, conflicts, busyErrors, durationBounded, workload, segments,
        repetitions, ceilingTxPerS, Optional.empty());
  }

  /** A config without its own ceiling figure (reconstructed files, tests). */
  public ConfigResult(String id, int concurrency, String profile, String strategy,
      Map<String, Object> strategyOptions, boolean atomic, int reps, long transitions,
      Double wallS, double transitionsPerS, Double pctOfCeiling, long conflicts, long busyErrors,
      boolean durationBounded, Optional<WorkloadSpec> workload,
      Map<String, SegmentStats> segments, List<RepResult> repetitions) {
    this(id, concurrency, profile, strategy, strategyOptions, atomic, reps, transitions, wallS,
        transitionsPerS, pctOfCeiling, conflicts, busyErrors, durationBounded, workload, segments,
        repetitions, Optional.empty(), Optional.empty());
  }

  /** This config with fairness figures for it and for its repetitions (same order). */
  public ConfigResult withFairness(WorkerFairness config, List<WorkerFairness> perRep) {
    if (perRep.size() != repetitions.size()) {
      throw new IllegalArgumentException("config " + id + " has " + repetitions.size()
          + " repetitions but " + perRep.size() + " fairness figures");
    }
    List<RepResult> reps = new java.util.ArrayList<>();
    for (int i = 0; i < perRep.size(); i++) {
      reps.add(repetitions.get(i).withFairness(perRep.get(i)));
    }
    return new ConfigResult(id, concurrency, profile, strategy, strategyOptions, atomic,
        this.reps, transitions, wallS, transitionsPerS, pctOfCeiling, conflicts, busyErrors,
        durationBounded, workload, segments, reps, ceilingTxPerS, Optional.of(config),
        groupCommitCeiling, openLoop);
  }

  /** Throughput as a multiple of the per-transaction ceiling probe, when the file has it. */
  public Optional<Double> timesPerTransactionCeiling() {
    return ceilingTxPerS.filter(c -> c > 0).map(c -> transitionsPerS / c);
  }

  /** Stats of one segment; fails with a clear message when the config does not have it. */
  public SegmentStats segment(Segment segment) {
    SegmentStats stats = segments.get(segment.key());
    if (stats == null) {
      throw new IllegalArgumentException(
          "config " + id + " has no stats for segment " + segment.key());
    }
    return stats;
  }
}
