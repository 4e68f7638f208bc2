package dev.benchbook.workload;

/**
 * What the group-commit probe measured: the ceiling of a strategy that commits several
 * transitions per transaction.
 *
 * @param transitionsPerS committed transitions per second (each an UPDATE and an audit INSERT)
 * @param transitionsPerCommit transitions per transaction (the batching strategy's group size)
 */
public record GroupCommitCeiling(double transitionsPerS, int transitionsPerCommit) {

  /** Validates the figures. */
  public GroupCommitCeiling {
    if (!(transitionsPerS >= 0) || Double.isInfinite(transitionsPerS)) {
      throw new IllegalArgumentException("group commit ceiling must be a finite number >= 0 "
          + "transitions/s, got " + transitionsPerS);
    }
    if (transitionsPerCommit < 1) {
      throw new IllegalArgumentException("transitions per commit must be >= 1, got "
          + transitionsPerCommit);
    }
  }
}
