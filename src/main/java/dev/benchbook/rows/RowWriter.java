package dev.benchbook.rows;

/**
 * One worker's row writer: {@link #set} each measured column of a transition, then
 * {@link #commit} it with its outcome (the writer adds its config, repetition and worker).
 * Single writer thread; no allocation and no copying while the pass storage has room.
 */
public final class RowWriter {

  private final PassRows pass;
  private final RawRows shared;
  private final long configCode;
  private final long rep;
  private final long worker;
  private final int[] blockStarts;
  private int blockCount;
  private RawRows target;
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

  /** Sets one column of the transition being recorded. */
  public void set(Column column, long value) {
    int k = column.ordinal();
    switch (column.storage()) {
      case LONG -> longs[k][pos] = value;
      case INT -> ints[k][pos] = (int) value;
      default -> bytes[k][pos] = (byte) value;
    }
  }

  /** Completes the transition's row with its outcome; the next {@link #set} starts a new one. */
  public void commit(Outcome outcome) {
    ints[Column.CONFIG.ordinal()][pos] = (int) configCode;
    ints[Column.REP.ordinal()][pos] = (int) rep;
    ints[Column.WORKER.ordinal()][pos] = (int) worker;
    bytes[Column.OUTCOME.ordinal()][pos] = outcome.code();
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
      overflow = new RawRows(shared.configIds(), shared.stateNames(), PassRows.BLOCK_ROWS);
    }
    int row = overflow.addRow();
    use(overflow, row, row + 1);
  }

  private void use(RawRows rows, int from, int to) {
    target = rows;
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
