package dev.benchbook.runtime;

import dev.benchbook.workload.IntegrityReport;

/** A pass broke an integrity invariant: the run fails and says what was lost. */
public final class IntegrityViolation extends RuntimeException {

  private final transient IntegrityReport report;

  /** Creates the violation for a config's repetition. */
  public IntegrityViolation(String configId, int rep, IntegrityReport report) {
    super("integrity check failed for " + configId + " rep " + rep + ": "
        + String.join("; ", report.violations()));
    this.report = report;
  }

  /** The full report. */
  public IntegrityReport report() {
    return report;
  }
}
