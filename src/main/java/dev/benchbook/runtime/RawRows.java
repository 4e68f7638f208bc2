package dev.benchbook.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * Raw timing rows in columns of primitive arrays: one row per attempted transition.
 *
 * <p>Strings (config ids, state names, outcomes) are stored as small integer codes into
 * dictionaries. The arrays returned by accessors are the live storage, sized at least
 * {@link #size()}; do not modify them. Times are nanoseconds; {@code startNs} is the offset
 * from the start of the measured pass of the row's config and repetition.
 */
public final class RawRows {

  /** Column names in file order, as in docs/RESULTS-FORMAT.md. */
  public static final List<String> COLUMNS = List.of(
      "config", "rep", "worker", "file_id", "from_state", "to_state", "start_ns",
      "fsm_dispatch_ns", "api_ns", "lock_wait_ns", "db_total_ns", "fsm_net_ns", "total_ns",
      "retries", "outcome");

  private final List<String> configIds;
  private final List<String> stateNames;
  private int size;
  private int[] config;
  private int[] rep;
  private int[] worker;
  private int[] fileId;
  private byte[] fromState;
  private byte[] toState;
  private long[] startNs;
  private long[] fsmDispatchNs;
  private long[] apiNs;
  private long[] lockWaitNs;
  private long[] dbTotalNs;
  private long[] fsmNetNs;
  private long[] totalNs;
  private int[] retries;
  private byte[] outcome;

  /** Creates empty rows with the given dictionaries and initial capacity. */
  public RawRows(List<String> configIds, List<String> stateNames, int capacity) {
    this.configIds = List.copyOf(configIds);
    this.stateNames = List.copyOf(stateNames);
    allocate(Math.max(16, capacity));
  }

  private RawRows(RawRows storage, List<String> configIds, List<String> stateNames) {
    this.configIds = List.copyOf(configIds);
    this.stateNames = List.copyOf(stateNames);
    this.size = storage.size;
    this.config = storage.config;
    this.rep = storage.rep;
    this.worker = storage.worker;
    this.fileId = storage.fileId;
    this.fromState = storage.fromState;
    this.toState = storage.toState;
    this.startNs = storage.startNs;
    this.fsmDispatchNs = storage.fsmDispatchNs;
    this.apiNs = storage.apiNs;
    this.lockWaitNs = storage.lockWaitNs;
    this.dbTotalNs = storage.dbTotalNs;
    this.fsmNetNs = storage.fsmNetNs;
    this.totalNs = storage.totalNs;
    this.retries = storage.retries;
    this.outcome = storage.outcome;
  }

  /**
   * The same rows with other dictionaries, sharing this storage (no copy): lets a reader fill
   * rows before it knows every name. Every code in use must index the new dictionaries.
   */
  public RawRows withDictionaries(List<String> configIds, List<String> stateNames) {
    for (int i = 0; i < size; i++) {
      if (config[i] >= configIds.size() || fromState[i] >= stateNames.size()
          || toState[i] >= stateNames.size()) {
        throw new IllegalArgumentException("row " + i + " uses a code outside the dictionaries ("
            + configIds.size() + " config ids, " + stateNames.size() + " state names)");
      }
    }
    return new RawRows(this, configIds, stateNames);
  }

  private void allocate(int capacity) {
    config = new int[capacity];
    rep = new int[capacity];
    worker = new int[capacity];
    fileId = new int[capacity];
    fromState = new byte[capacity];
    toState = new byte[capacity];
    startNs = new long[capacity];
    fsmDispatchNs = new long[capacity];
    apiNs = new long[capacity];
    lockWaitNs = new long[capacity];
    dbTotalNs = new long[capacity];
    fsmNetNs = new long[capacity];
    totalNs = new long[capacity];
    retries = new int[capacity];
    outcome = new byte[capacity];
  }

  /** Appends one row; grows storage by doubling when full. */
  public void add(int configCode, int repIndex, int workerIndex, int file, int from, int to,
      long start, long dispatch, long api, long lockWait, long dbTotal, long fsmNet, long total,
      int retryCount, Outcome result) {
    if (size == config.length) {
      grow();
    }
    int i = size++;
    config[i] = configCode;
    rep[i] = repIndex;
    worker[i] = workerIndex;
    fileId[i] = file;
    fromState[i] = (byte) from;
    toState[i] = (byte) to;
    startNs[i] = start;
    fsmDispatchNs[i] = dispatch;
    apiNs[i] = api;
    lockWaitNs[i] = lockWait;
    dbTotalNs[i] = dbTotal;
    fsmNetNs[i] = fsmNet;
    totalNs[i] = total;
    retries[i] = retryCount;
    outcome[i] = (byte) result.ordinal();
  }

  /** Appends every row of {@code other}, whose dictionaries must equal these. */
  public void addAll(RawRows other) {
    if (!other.configIds.equals(configIds) || !other.stateNames.equals(stateNames)) {
      throw new IllegalArgumentException("cannot merge raw rows with different dictionaries");
    }
    for (int i = 0; i < other.size; i++) {
      add(other.config[i], other.rep[i], other.worker[i], other.fileId[i], other.fromState[i],
          other.toState[i], other.startNs[i], other.fsmDispatchNs[i], other.apiNs[i],
          other.lockWaitNs[i], other.dbTotalNs[i], other.fsmNetNs[i], other.totalNs[i],
          other.retries[i], Outcome.of(other.outcome[i]));
    }
  }

  private void grow() {
    int n = config.length * 2;
    config = Arrays.copyOf(config, n);
    rep = Arrays.copyOf(rep, n);
    worker = Arrays.copyOf(worker, n);
    fileId = Arrays.copyOf(fileId, n);
    fromState = Arrays.copyOf(fromState, n);
    toState = Arrays.copyOf(toState, n);
    startNs = Arrays.copyOf(startNs, n);
    fsmDispatchNs = Arrays.copyOf(fsmDispatchNs, n);
    apiNs = Arrays.copyOf(apiNs, n);
    lockWaitNs = Arrays.copyOf(lockWaitNs, n);
    dbTotalNs = Arrays.copyOf(dbTotalNs, n);
    fsmNetNs = Arrays.copyOf(fsmNetNs, n);
    totalNs = Arrays.copyOf(totalNs, n);
    retries = Arrays.copyOf(retries, n);
    outcome = Arrays.copyOf(outcome, n);
  }

  /** Number of rows. */
  public int size() {
    return size;
  }

  /** Config id dictionary: {@code config()[i]} indexes it. */
  public List<String> configIds() {
    return configIds;
  }

  /** State name dictionary: {@code fromState()[i]} and {@code toState()[i]} index it. */
  public List<String> stateNames() {
    return stateNames;
  }

  /** Config code per row. */
  public int[] config() {
    return config;
  }

  /** Repetition index per row. */
  public int[] rep() {
    return rep;
  }

  /** Worker index per row. */
  public int[] worker() {
    return worker;
  }

  /** File id per row. */
  public int[] fileId() {
    return fileId;
  }

  /** From-state code per row. */
  public byte[] fromState() {
    return fromState;
  }

  /** To-state code per row. */
  public byte[] toState() {
    return toState;
  }

  /** Start offset per row, ns from the start of its pass. */
  public long[] startNs() {
    return startNs;
  }

  /** fsm_dispatch per row, ns. */
  public long[] fsmDispatchNs() {
    return fsmDispatchNs;
  }

  /** api per row, ns. */
  public long[] apiNs() {
    return apiNs;
  }

  /** lock_wait per row, ns. */
  public long[] lockWaitNs() {
    return lockWaitNs;
  }

  /** db_total per row, ns. */
  public long[] dbTotalNs() {
    return dbTotalNs;
  }

  /** fsm_net per row, ns. */
  public long[] fsmNetNs() {
    return fsmNetNs;
  }

  /** total per row, ns. */
  public long[] totalNs() {
    return totalNs;
  }

  /** Busy-handler retries per row. */
  public int[] retries() {
    return retries;
  }

  /** Outcome code per row, see {@link Outcome}. */
  public byte[] outcome() {
    return outcome;
  }

  /** The nanosecond column of a segment by its row column name, e.g. {@code db_total_ns}. */
  public long[] nsColumn(String column) {
    switch (column) {
      case "fsm_dispatch_ns": return fsmDispatchNs;
      case "api_ns": return apiNs;
      case "lock_wait_ns": return lockWaitNs;
      case "db_total_ns": return dbTotalNs;
      case "fsm_net_ns": return fsmNetNs;
      case "total_ns": return totalNs;
      case "start_ns": return startNs;
      default: throw new IllegalArgumentException("no nanosecond column named " + column);
    }
  }
}
