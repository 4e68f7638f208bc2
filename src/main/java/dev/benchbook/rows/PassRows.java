package dev.benchbook.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of one measured pass, allocated before it starts: every worker's {@link RowWriter}
 * takes blocks of {@value #BLOCK_ROWS} rows from one storage, so whichever worker records more
 * (a greedy worker, while others starve) no array grows or is copied while measuring.
 *
 * <p>Size it from the plan with {@link #capacityFor}: a pass records one row per attempted
 * transition; beyond that capacity (more than one failed attempt per committed transition on
 * average) a writer records into rows of its own, counted by {@link #overflowRows()}.
 */
public final class PassRows {

  /** Rows a writer takes at a time. */
  public static final int BLOCK_ROWS = 1024;

  private final RawRows storage;
  private final int blocks;
  private final AtomicInteger nextBlock = new AtomicInteger();
  private final List<RowWriter> writers = new ArrayList<>();

  /** Storage for {@code capacity} rows with the run's dictionaries; every closed-loop column. */
  public PassRows(List<String> configIds, List<String> stateNames, int capacity) {
    this(configIds, stateNames, capacity, Column.closedLoop());
  }

  /** Storage for {@code capacity} rows holding only {@code columns} (see {@link RawRows}). */
  public PassRows(List<String> configIds, List<String> stateNames, int capacity,
      java.util.Set<Column> columns) {
    this.blocks = Math.max(1, (capacity + BLOCK_ROWS - 1) / BLOCK_ROWS);
    this.storage = new RawRows(configIds, stateNames, blocks * BLOCK_ROWS, columns);
  }

  /**
   * The rows to allocate for a pass of {@code files} files, each making at most
   * {@code transitionsPerFile} committed transitions, by {@code workers} workers: twice the
   * committed transitions (room for as many failed attempts) plus two blocks per worker.
   */
  public static int capacityFor(long files, int transitionsPerFile, int workers) {
    long rows = 2 * files * transitionsPerFile + 2L * BLOCK_ROWS * workers;
    return (int) Math.min(Integer.MAX_VALUE - BLOCK_ROWS, rows);
  }

  /** A writer for one worker of the pass, recording its config, repetition and index. */
  public synchronized RowWriter writer(int configCode, int rep, int worker) {
    RowWriter w = new RowWriter(this, configCode, rep, worker, blocks);
    writers.add(w);
    return w;
  }

  /** The first row of a free block of the shared storage, or -1 when none is left. */
  int claimBlock() {
    int b = nextBlock.getAndIncrement();
    return b < blocks ? b * BLOCK_ROWS : -1;
  }

  RawRows storage() {
    return storage;
  }

  /** Rows recorded so far by every writer (for progress; possibly stale). */
  public long count() {
    long n = 0;
    for (RowWriter w : writersSnapshot()) {
      n += w.count();
    }
    return n;
  }

  /** Rows recorded beyond the storage made before the pass (0 when it was large enough). */
  public long overflowRows() {
    long n = 0;
    for (RowWriter w : writersSnapshot()) {
      n += w.overflowRows();
    }
    return n;
  }

  /** Appends every writer's rows to {@code sink}, writer by writer in creation order. */
  public void drainTo(RawRows sink) {
    for (RowWriter w : writersSnapshot()) {
      w.drainTo(sink);
    }
  }

  private synchronized List<RowWriter> writersSnapshot() {
    return List.copyOf(writers);
  }
}
