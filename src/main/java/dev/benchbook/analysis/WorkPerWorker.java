package dev.benchbook.analysis;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.util.Arrays;

/**
 * Committed transitions per worker and repetition of one config, counted from raw rows, with
 * the spread a reader needs to see starvation: min, max, max/min and Jain's fairness index
 * ({@code (sum x)^2 / (n * sum x^2)}: 1 when every worker did the same work, 1/n when one did all).
 *
 * @param configId the config
 * @param counts committed transitions, {@code counts[rep][worker]}
 */
public record WorkPerWorker(String configId, long[][] counts) {

  /** Counts committed rows of {@code configId} by repetition and worker. */
  public static WorkPerWorker of(RawRows rows, String configId) {
    int code = rows.configIds().indexOf(configId);
    if (code < 0) {
      throw new IllegalArgumentException("no raw rows for config '" + configId + "'; configs: "
          + rows.configIds());
    }
    int reps = 0;
    int workers = 0;
    int[] config = rows.config();
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == code) {
        reps = Math.max(reps, rows.rep()[i] + 1);
        workers = Math.max(workers, rows.worker()[i] + 1);
      }
    }
    long[][] counts = new long[reps][workers];
    byte committed = (byte) Outcome.COMMITTED.ordinal();
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == code && rows.outcome()[i] == committed) {
        counts[rows.rep()[i]][rows.worker()[i]]++;
      }
    }
    return new WorkPerWorker(configId, counts);
  }

  /** Repetitions counted. */
  public int reps() {
    return counts.length;
  }

  /** Fewest transitions any worker committed in repetition {@code rep}. */
  public long min(int rep) {
    return Arrays.stream(counts[rep]).min().orElse(0);
  }

  /** Most transitions any worker committed in repetition {@code rep}. */
  public long max(int rep) {
    return Arrays.stream(counts[rep]).max().orElse(0);
  }

  /**
   * Jain's fairness index of repetition {@code rep}, as {@link Fairness#jain} defines it for
   * every table and report (1 when nobody committed anything).
   */
  public double jainIndex(int rep) {
    return Fairness.jain(counts[rep]);
  }
}
