package dev.benchbook.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Raw rows in columns of primitive arrays, one array per {@link Column}, indexed by the enum:
 * one row per attempted transition.
 *
 * <p>Config ids and state names are small integer codes into dictionaries, outcomes are
 * {@link Outcome} codes. The arrays returned by accessors are the live storage, sized at least
 * {@link #size()}; do not modify them. A timed column can be absent (a rows file written
 * before it existed): {@link #has(Column)} says so, and its accessors fail rather than
 * answer zeros.
 */
public final class RawRows {

  private static final int COLUMNS = Column.values().length;

  private final List<String> configIds;
  private final List<String> stateNames;
  private final Set<Column> present;
  private final List<Column> presentInFileOrder;
  private int size;
  final long[][] longs = new long[COLUMNS][];
  final int[][] ints = new int[COLUMNS][];
  final byte[][] bytes = new byte[COLUMNS][];

  /**
   * Creates empty rows holding every closed-loop column ({@link Column#closedLoop()}: all but
   * the open-loop ones), with the given dictionaries and capacity.
   */
  public RawRows(List<String> configIds, List<String> stateNames, int capacity) {
    this(configIds, stateNames, capacity, Column.closedLoop());
  }

  /**
   * Creates empty rows holding only {@code columns} (every column that is not optional must be
   * among them), with the given dictionaries and capacity.
   */
  public RawRows(List<String> configIds, List<String> stateNames, int capacity,
      Set<Column> columns) {
    this.configIds = List.copyOf(configIds);
    this.stateNames = List.copyOf(stateNames);
    this.present = Collections.unmodifiableSet(EnumSet.copyOf(required(columns)));
    this.presentInFileOrder = Column.inFileOrder().stream().filter(present::contains).toList();
    allocate(Math.max(16, capacity));
  }

  private RawRows(RawRows storage, List<String> configIds, List<String> stateNames) {
    this.configIds = List.copyOf(configIds);
    this.stateNames = List.copyOf(stateNames);
    this.present = storage.present;
    this.presentInFileOrder = storage.presentInFileOrder;
    this.size = storage.size;
    System.arraycopy(storage.longs, 0, longs, 0, COLUMNS);
    System.arraycopy(storage.ints, 0, ints, 0, COLUMNS);
    System.arraycopy(storage.bytes, 0, bytes, 0, COLUMNS);
  }

  private static Set<Column> required(Set<Column> columns) {
    List<String> missing = new ArrayList<>();
    for (Column c : Column.values()) {
      if (!c.optional() && !columns.contains(c)) {
        missing.add(c.csvKey());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("raw rows need the columns " + missing);
    }
    return columns;
  }

  /**
   * The same rows with other dictionaries, sharing this storage (no copy): lets a reader fill
   * rows before it knows every name. Every code in use must index the new dictionaries.
   */
  public RawRows withDictionaries(List<String> configIds, List<String> stateNames) {
    int[] config = config();
    byte[] from = fromState();
    byte[] to = toState();
    for (int i = 0; i < size; i++) {
      if (config[i] >= configIds.size() || from[i] >= stateNames.size()
          || to[i] >= stateNames.size()) {
        throw new IllegalArgumentException("row " + i + " uses a code outside the dictionaries ("
            + configIds.size() + " config ids, " + stateNames.size() + " state names)");
      }
    }
    return new RawRows(this, configIds, stateNames);
  }

  private void allocate(int capacity) {
    for (Column c : present) {
      int k = c.ordinal();
      switch (c.storage()) {
        case BYTE -> bytes[k] = new byte[capacity];
        case INT -> ints[k] = new int[capacity];
        default -> longs[k] = new long[capacity];
      }
    }
  }

  private int capacity() {
    return ints[Column.CONFIG.ordinal()].length;
  }

  /** Makes room for at least {@code rows} rows (copies when it grows; not for a hot path). */
  public void ensureCapacity(int rows) {
    int capacity = capacity();
    if (rows <= capacity) {
      return;
    }
    int n = Math.max(rows, capacity * 2);
    for (Column c : present) {
      int k = c.ordinal();
      switch (c.storage()) {
        case BYTE -> bytes[k] = Arrays.copyOf(bytes[k], n);
        case INT -> ints[k] = Arrays.copyOf(ints[k], n);
        default -> longs[k] = Arrays.copyOf(longs[k], n);
      }
    }
  }

  /** Rows that fit without growing the storage. */
  public int room() {
    return capacity() - size;
  }

  /** Appends one row of zeros (every column) and returns its index; grows when full. */
  public int addRow() {
    ensureCapacity(size + 1);
    return size++;
  }

  /**
   * Reserves {@code count} rows at the end and returns the first one's index, without growing;
   * -1 when they do not fit. For {@link PassRows}, which hands them to one writer.
   */
  int reserve(int count) {
    if (count > capacity() - size) {
      return -1;
    }
    int first = size;
    size += count;
    return first;
  }

  /** Sets one value of row {@code row}, which must be below {@link #size()}. */
  public void set(Column column, int row, long value) {
    int k = column.ordinal();
    switch (column.storage()) {
      case BYTE -> bytes[k][row] = (byte) value;
      case INT -> ints[k][row] = (int) value;
      default -> longs[k][row] = value;
    }
  }

  /** One value of row {@code row}, widened to long. */
  public long get(Column column, int row) {
    int k = column.ordinal();
    switch (column.storage()) {
      case BYTE: return bytes(column)[row];
      case INT: return ints(column)[row];
      default: return longs(column)[row];
    }
  }

  /**
   * Appends {@code count} rows of {@code other} from row {@code from}, whose dictionaries must
   * equal these and whose columns must include these.
   */
  public void addRange(RawRows other, int from, int count) {
    if (!other.configIds.equals(configIds) || !other.stateNames.equals(stateNames)) {
      throw new IllegalArgumentException("cannot merge raw rows with different dictionaries");
    }
    ensureCapacity(size + count);
    for (Column c : present) {
      int k = c.ordinal();
      switch (c.storage()) {
        case BYTE -> System.arraycopy(other.bytes(c), from, bytes[k], size, count);
        case INT -> System.arraycopy(other.ints(c), from, ints[k], size, count);
        default -> System.arraycopy(other.longs(c), from, longs[k], size, count);
      }
    }
    size += count;
  }

  /** Appends every row of {@code other}, whose dictionaries must equal these. */
  public void addAll(RawRows other) {
    addRange(other, 0, other.size);
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

  /** True when these rows hold the column (timed columns may be absent). */
  public boolean has(Column column) {
    return present.contains(column);
  }

  /** The columns these rows hold, in file order. */
  public List<Column> columns() {
    return presentInFileOrder;
  }

  /**
   * The columns worth writing, in file order: {@link #columns()} without the error column when
   * no row records an error (files, tables and the catalog leave it out then).
   */
  public List<Column> columnsInUse() {
    if (!has(Column.ERROR)) {
      return presentInFileOrder;
    }
    int[] errors = ints[Column.ERROR.ordinal()];
    for (int i = 0; i < size; i++) {
      if (errors[i] != 0) {
        return presentInFileOrder;
      }
    }
    return presentInFileOrder.stream().filter(c -> c != Column.ERROR).toList();
  }

  /** The live {@code long[]} of a column stored as longs; fails when it is absent. */
  public long[] longs(Column column) {
    return checked(longs[column.ordinal()], column, Column.Storage.LONG);
  }

  /** The live {@code int[]} of a column stored as ints; fails when it is absent. */
  public int[] ints(Column column) {
    return checked(ints[column.ordinal()], column, Column.Storage.INT);
  }

  /** The live {@code byte[]} of a column stored as bytes. */
  public byte[] bytes(Column column) {
    return checked(bytes[column.ordinal()], column, Column.Storage.BYTE);
  }

  /** The nanosecond values of a segment; fails when these rows lack it. */
  public long[] ns(Segment segment) {
    return longs(segment.column());
  }

  private <T> T checked(T array, Column column, Column.Storage storage) {
    if (column.storage() != storage) {
      throw new IllegalArgumentException(column.csvKey() + " is stored as "
          + column.storage().name().toLowerCase(java.util.Locale.ROOT) + ", not "
          + storage.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (array == null) {
      throw new IllegalStateException("these rows have no " + column.csvKey()
          + " column (a file written before it existed)");
    }
    return array;
  }

  /** Config code per row. */
  public int[] config() {
    return ints[Column.CONFIG.ordinal()];
  }

  /** Repetition index per row. */
  public int[] rep() {
    return ints[Column.REP.ordinal()];
  }

  /** Worker index per row. */
  public int[] worker() {
    return ints[Column.WORKER.ordinal()];
  }

  /** File id per row. */
  public int[] fileId() {
    return ints[Column.FILE_ID.ordinal()];
  }

  /** From-state code per row. */
  public byte[] fromState() {
    return bytes[Column.FROM_STATE.ordinal()];
  }

  /** To-state code per row. */
  public byte[] toState() {
    return bytes[Column.TO_STATE.ordinal()];
  }

  /** Start offset per row, ns from the start of its pass. */
  public long[] startNs() {
    return longs[Column.START_NS.ordinal()];
  }

  /** Busy-handler retries per row. */
  public int[] retries() {
    return ints[Column.RETRIES.ordinal()];
  }

  /** Outcome code per row, see {@link Outcome}. */
  public byte[] outcome() {
    return bytes[Column.OUTCOME.ordinal()];
  }
}
