package dev.benchbook.results;

/**
 * How evenly the workers of a config shared the committed work, from the raw rows.
 *
 * <p>Per repetition: every figure is over the workers of that repetition. Per config: the
 * per-worker counts are over every worker of every repetition, and {@code jainIndex} and
 * {@code starvedWorkers} are those of the worst repetition (lowest index, most starved), so a
 * config is never called fair because its repetitions averaged out. Definitions in
 * docs/RESULTS-FORMAT.md.
 *
 * @param workers workers per repetition (the config's concurrency)
 * @param minPerWorker fewest transitions committed by one worker (0 when a worker committed none)
 * @param medianPerWorker median transitions committed per worker
 * @param maxPerWorker most transitions committed by one worker
 * @param jainIndex Jain's fairness index over the workers' committed transitions: 1 when
 *     every worker committed the same, 1/workers when one worker committed everything
 * @param starvedWorkers workers judged starved: below a fraction of the fair share (the
 *     repetition's committed transitions / workers) that analysis.Fairness sets
 */
public record WorkerFairness(
    int workers,
    long minPerWorker,
    double medianPerWorker,
    long maxPerWorker,
    double jainIndex,
    int starvedWorkers) {

  /** Validates ranges. */
  public WorkerFairness {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    if (minPerWorker < 0 || maxPerWorker < minPerWorker) {
      throw new IllegalArgumentException("per-worker counts need 0 <= min <= max, got "
          + minPerWorker + " and " + maxPerWorker);
    }
    if (!(jainIndex >= 0 && jainIndex <= 1.0 + 1e-9)) {
      throw new IllegalArgumentException("jain_index must be in [0, 1], got " + jainIndex);
    }
    if (starvedWorkers < 0 || starvedWorkers > workers) {
      throw new IllegalArgumentException("starved_workers must be in [0, " + workers + "], got "
          + starvedWorkers);
    }
  }

  /** Fewest / most transitions per worker: 1 when even, near 0 when a worker starved. */
  public double minMaxRatio() {
    return maxPerWorker == 0 ? 1.0 : (double) minPerWorker / maxPerWorker;
  }
}
