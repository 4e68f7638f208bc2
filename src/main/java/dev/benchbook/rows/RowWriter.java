package dev.benchbook.rows;

/**
 * One worker's row writer: {@link #set} each measured column of a transition, then
 * {@link #commit} it with its outcome (the writer adds its config, repetition and worker).
 * Single writer thread; no allocation and no copying while the pass storage has room.
 */
public final class RowWriter {

  private static final int CONFIG = Column.CONFIG.ordinal();
  private static final int REP = Column.REP.ordinal();
  private static final int WORKER = Column.WORKER.ordinal();
  private static final int OUTCOME = Column.OUTCOME.ordinal();

  private final PassRows pass;
  private final RawRows shared;
  private final int configCode;
  private final int rep;
  private final int worker;
  private final int[] blockStarts;
  private int blockCount;
  private long[][] longs;
  private int[][] ints;
  private byte[][] bytes;
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
    nextBlock();
  }

  /**
   * Sets one column of the transition being recorded. The column's array is the one of
   * longs/ints/bytes that is not null; trying the long arrays first spares a load of the
   * column's storage kind, which the JIT cannot fold (docs/PERFORMANCE.md, "Rows at the bottom").
   */
  public void set(Column column, long value) {
    int k = column.ordinal();
    long[] l = longs[k];
    if (l != null) {
      l[pos] = value;
      return;
    }
    int[] n = ints[k];
    if (n != null) {
      n[pos] = (int) value;
    } else {
      bytes[k][pos] = (byte) value;
    }
  }

  /** Completes the transition's row with its outcome; the next {@link #set} starts a new one. */
  public void commit(Outcome outcome) {
    int p = pos;
    ints[CONFIG][p] = configCode;
    ints[REP][p] = rep;
    ints[WORKER][p] = worker;
    bytes[OUTCOME][p] = outcome.code();
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

  private void nextBlock() {
    int start = pass.claimBlock();
    if (start >= 0) {
      blockStarts[blockCount++] = start;
      use(shared, start, start + PassRows.BLOCK_ROWS);
      return;
    }
    if (overflow == null) {
      overflow = new RawRows(shared.configIds(), shared.stateNames(), PassRows.BLOCK_ROWS,
          java.util.EnumSet.copyOf(shared.columns()));
    }
    int row = overflow.addRow();
    use(overflow, row, row + 1);
  }

  private void use(RawRows rows, int from, int to) {
    longs = rows.longs;
    ints = rows.ints;
    bytes = rows.bytes;
    pos = from;
    end = to;
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
