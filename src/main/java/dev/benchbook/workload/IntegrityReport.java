package dev.benchbook.workload;

import java.util.List;

/**
 * What the integrity check found after a config's pass.
 *
 * @param files files in the database
 * @param terminal files in the success terminal state
 * @param failed files in the failure terminal state
 * @param untouched files never started (only when the duration bound stopped the pass)
 * @param auditRows rows in the audit table
 * @param violations every broken invariant, as one sentence each; empty when all hold
 */
public record IntegrityReport(long files, long terminal, long failed, long untouched,
    long auditRows, List<String> violations) {

  /** Copies the list. */
  public IntegrityReport {
    violations = List.copyOf(violations);
  }

  /** True when every invariant holds. */
  public boolean ok() {
    return violations.isEmpty();
  }
}
