package dev.benchbook.rows;

import java.util.List;
import java.util.Optional;

/**
 * A timed segment of one transition: a {@link Column} of kind {@link Column.Kind#SEGMENT_NS},
 * named in results files by its millisecond key. The segments are exactly those columns, in
 * their declaration order; a new one is a new column constant, not a new segment constant.
 */
public final class Segment {

  private static final Segment[] ALL = all();

  /** All time inside DB work for the transition. */
  public static final Segment DB_TOTAL = of(Column.DB_TOTAL_NS);
  /** From asking for write access until holding it. */
  public static final Segment LOCK_WAIT = of(Column.LOCK_WAIT_NS);
  /** Choose and validate the transition, run its hook. */
  public static final Segment FSM_DISPATCH = of(Column.FSM_DISPATCH_NS);
  /** The whole transition minus the API call. */
  public static final Segment FSM_NET = of(Column.FSM_NET_NS);
  /** The simulated external call. */
  public static final Segment API = of(Column.API_NS);
  /** Open loop: waiting for a worker after the intended start. */
  public static final Segment QUEUE_WAIT = of(Column.QUEUE_WAIT_NS);
  /** Open loop: from the intended start to the end, the latency a user sees. */
  public static final Segment RESPONSE = of(Column.RESPONSE_NS);

  /** The four segments the seed's before/after table reports, in its order. */
  public static final List<Segment> SEED_ORDER = List.of(DB_TOTAL, LOCK_WAIT, FSM_DISPATCH,
      FSM_NET);

  private final Column column;
  private final int ordinal;

  private Segment(Column column, int ordinal) {
    this.column = column;
    this.ordinal = ordinal;
  }

  private static Segment[] all() {
    List<Column> columns = Column.segmentColumns();
    Segment[] out = new Segment[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Segment(columns.get(i), i);
    }
    return out;
  }

  /** Every segment, in the order results files list them (a new array each call). */
  public static Segment[] values() {
    return ALL.clone();
  }

  /** The segment of a segment column; fails for a column that is not a segment. */
  public static Segment of(Column column) {
    for (Segment s : ALL) {
      if (s.column == column) {
        return s;
      }
    }
    throw new IllegalArgumentException(column.csvKey() + " is not a timed segment");
  }

  /** Finds a segment by its JSON key, e.g. {@code db_total_ms}. */
  public static Optional<Segment> byKey(String key) {
    for (Segment s : ALL) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The JSON keys of every segment, in order, e.g. for error messages. */
  public static List<String> keys() {
    return java.util.Arrays.stream(ALL).map(Segment::key).toList();
  }

  /** The raw-row column holding this segment. */
  public Column column() {
    return column;
  }

  /** Position in {@link #values()}, stable as long as segments are only appended. */
  public int ordinal() {
    return ordinal;
  }

  /** Name used in JSON and tables, e.g. {@code db_total_ms}. */
  public String key() {
    return column.msKey();
  }

  /** Raw-rows column holding this segment in nanoseconds, e.g. {@code db_total_ns}. */
  public String nsColumn() {
    return column.csvKey();
  }

  /** The constant's name, e.g. {@code DB_TOTAL}. */
  public String name() {
    String n = column.name();
    return n.substring(0, n.length() - 3);
  }

  @Override
  public String toString() {
    return name();
  }
}
