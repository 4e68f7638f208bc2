package dev.benchbook.runtime;

/**
 * A worker's recorder: appends one row per transition into preallocated primitive arrays.
 * Single writer; other threads may read {@link #count()} for progress (possibly stale).
 */
public final class Recorder {

  private final RawRows rows;
  private final int configCode;
  private final int rep;
  private final int worker;

  /** Creates a recorder appending to {@code rows} with the given config, rep and worker. */
  public Recorder(RawRows rows, int configCode, int rep, int worker) {
    this.rows = rows;
    this.configCode = configCode;
    this.rep = rep;
    this.worker = worker;
  }

  /** Records one transition; no allocation unless the arrays must grow. */
  public void record(int fileId, int from, int to, long startNs, long dispatchNs, long apiNs,
      long lockWaitNs, long dbTotalNs, long fsmNetNs, long totalNs, int retries,
      Outcome outcome) {
    rows.add(configCode, rep, worker, fileId, from, to, startNs, dispatchNs, apiNs, lockWaitNs,
        dbTotalNs, fsmNetNs, totalNs, retries, outcome);
  }

  /** Rows recorded so far. */
  public int count() {
    return rows.size();
  }

  /** The rows this recorder wrote. */
  public RawRows rows() {
    return rows;
  }
}
