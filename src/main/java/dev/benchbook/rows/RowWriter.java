package dev.benchbook.rows;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * One worker's row writer: {@link #set} each measured column of a transition, then
 * {@link #commit} it with its outcome (the writer adds its config, repetition and worker).
 * Single writer thread; no allocation and no copying while the pass storage has room.
 *
 * <p>Hot path (docs/PERFORMANCE.md, "Rows at the bottom"): the writer holds the array of each
 * column of the first rows format in a field of its own, and {@link #set} picks it by comparing
 * the column with the constants, which the JIT folds away where the column is a constant (as in
 * {@code runtime.Worker}): a set is one store. Reaching the array through the enum-indexed
 * arrays of {@link RawRows} cost up to 40% more per row. Any other column (a segment added later)
 * takes that general path: correct, a few nanoseconds slower per value until it gets a field
 * here. The config, repetition and worker are written once per block of rows, not per row.
 */
public final class RowWriter {

  private final PassRows pass;
  private final RawRows shared;
  private final int configCode;
  private final int rep;
  private final int worker;
  private final int[] blockStarts;
  private int blockCount;
  private RawRows current;
  private int[] config;
  private int[] reps;
  private int[] workers;
  private int[] fileId;
  private byte[] fromState;
  private byte[] toState;
  private long[] startNs;
  private long[] dispatchNs;
  private long[] apiNs;
  private long[] lockWaitNs;
  private long[] dbTotalNs;
  private long[] fsmNetNs;
  private long[] totalNs;
  private int[] retries;
  private byte[] outcome;
  private int pos;
  private int end;
  private int count;
  private RawRows overflow;

  RowWriter(PassRows pass, int configCode, int rep, int worker, int maxBlocks) {
    this.pass = pass;
    this.shared = pass.storage();
    this.configCode = configCode;
    this.rep = rep;
    this.worker = worker;
    this.blockStarts = new int[maxBlocks];
    use(shared);
    nextBlock();
  }

  /** Sets one column of the transition being recorded (a code, count or ns value). */
  public void set(Column column, long value) {
    if (column == Column.START_NS) {
      startNs[pos] = value;
    } else if (column == Column.FSM_DISPATCH_NS) {
      dispatchNs[pos] = value;
    } else if (column == Column.API_NS) {
      apiNs[pos] = value;
    } else if (column == Column.LOCK_WAIT_NS) {
      lockWaitNs[pos] = value;
    } else if (column == Column.DB_TOTAL_NS) {
      dbTotalNs[pos] = value;
    } else if (column == Column.FSM_NET_NS) {
      fsmNetNs[pos] = value;
    } else if (column == Column.TOTAL_NS) {
      totalNs[pos] = value;
    } else if (column == Column.FILE_ID) {
      fileId[pos] = (int) value;
    } else if (column == Column.FROM_STATE) {
      fromState[pos] = (byte) value;
    } else if (column == Column.TO_STATE) {
      toState[pos] = (byte) value;
    } else if (column == Column.RETRIES) {
      retries[pos] = (int) value;
    } else {
      current.set(column, pos, value);
    }
  }

  /** Completes the transition's row with its outcome; the next {@link #set} starts a new one. */
  public void commit(Outcome result) {
    outcome[pos] = result.code();
    count++;
    if (++pos == end) {
      nextBlock();
    }
  }

  /** Rows committed so far (other threads may read it for progress; possibly stale). */
  public int count() {
    return count;
  }

  int overflowRows() {
    return overflow == null ? 0 : Math.max(0, overflow.size() - 1);
  }

  /**
   * Moves to a free block of the pass storage (the same arrays) and writes the writer's config,
   * repetition and worker into all its rows at once; once the storage is used up, records into
   * rows of its own, one at a time.
   */
  private void nextBlock() {
    int start = pass.claimBlock();
    if (start < 0) {
      overflowRow();
      return;
    }
    blockStarts[blockCount++] = start;
    pos = start;
    end = start + PassRows.BLOCK_ROWS;
    fillIds(start, end);
  }

  private void fillIds(int from, int to) {
    Arrays.fill(config, from, to, configCode);
    Arrays.fill(reps, from, to, rep);
    Arrays.fill(workers, from, to, worker);
  }

  private void overflowRow() {
    if (overflow == null) {
      overflow = new RawRows(shared.configIds(), shared.stateNames(), PassRows.BLOCK_ROWS,
          EnumSet.copyOf(shared.columns()));
    }
    int row = overflow.addRow();
    use(overflow);
    pos = row;
    end = row + 1;
    fillIds(row, end);
  }

  /** Takes the arrays of {@code rows} (again after they grow). */
  private void use(RawRows rows) {
    current = rows;
    config = rows.config();
    reps = rows.rep();
    workers = rows.worker();
    fileId = rows.fileId();
    fromState = rows.fromState();
    toState = rows.toState();
    startNs = rows.startNs();
    dispatchNs = rows.longs(Column.FSM_DISPATCH_NS);
    apiNs = rows.longs(Column.API_NS);
    lockWaitNs = rows.longs(Column.LOCK_WAIT_NS);
    dbTotalNs = rows.longs(Column.DB_TOTAL_NS);
    fsmNetNs = rows.longs(Column.FSM_NET_NS);
    totalNs = rows.longs(Column.TOTAL_NS);
    retries = rows.retries();
    outcome = rows.outcome();
  }

  /** Appends this writer's committed rows, in the order it recorded them, to {@code sink}. */
  void drainTo(RawRows sink) {
    int left = overflow == null ? count : Math.min(count, blockCount * PassRows.BLOCK_ROWS);
    for (int b = 0; b < blockCount && left > 0; b++) {
      int n = Math.min(left, PassRows.BLOCK_ROWS);
      sink.addRange(shared, blockStarts[b], n);
      left -= n;
    }
    if (overflow != null) {
      sink.addRange(overflow, 0, count - blockCount * PassRows.BLOCK_ROWS);
    }
  }
}
