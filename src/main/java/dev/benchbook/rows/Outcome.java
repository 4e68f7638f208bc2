package dev.benchbook.rows;

/** What happened to one attempted transition; its ordinal is its code in raw rows. */
public enum Outcome {
  /** Committed. */
  COMMITTED("committed"),
  /** The optimistic check (state and version) matched no row; nothing was written. */
  CONFLICT("conflict"),
  /** SQLITE_BUSY escaped the busy handler; nothing was written; the worker retries. */
  BUSY("busy"),
  /** An error inside the transaction rolled it back; the worker retries. */
  ROLLED_BACK("rolled_back"),
  /**
   * The workload's code threw (or its SQL failed with an error other than SQLITE_BUSY):
   * rolled back, the worker retries; the row's error column names what failed.
   */
  FAILED("failed");

  /** The code of {@link #COMMITTED} in a rows' outcome column. */
  public static final byte COMMITTED_CODE = 0;

  private static final Outcome[] VALUES = values();
  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** Label used in raw-rows files. */
  public String label() {
    return label;
  }

  /** This outcome's code in a rows' outcome column. */
  public byte code() {
    return (byte) ordinal();
  }

  /** Outcome by its code (ordinal). */
  public static Outcome of(int code) {
    return VALUES[code];
  }

  /** Outcome by its label; fails with the allowed labels. */
  public static Outcome ofLabel(String label) {
    for (Outcome o : VALUES) {
      if (o.label.equals(label)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "outcome must be one of committed, conflict, busy, rolled_back, failed; got '" + label + "'");
  }
}
