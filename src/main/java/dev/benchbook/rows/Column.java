package dev.benchbook.rows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a raw row: one constant per column, with its kind, its keys and its unit.
 * Everything that lists columns (the rows file, the Tablesaw table, the catalog's rows table,
 * the fork merge) loops over this enum, so a new timed segment is one constant here plus the
 * line that measures it (see docs/RESULTS-FORMAT.md, "Adding a segment").
 *
 * <p>Segments are declared in the order results files list them; that order also seeds the
 * bootstrap per segment, so a new segment goes after the last one.
 */
public enum Column {
  /** The config the row belongs to (a code into the rows' config ids). */
  CONFIG(Kind.CODE, Storage.INT, "config"),
  /** Repetition index. */
  REP(Kind.COUNT, Storage.INT, "rep"),
  /** Worker index. */
  WORKER(Kind.COUNT, Storage.INT, "worker"),
  /** File id. */
  FILE_ID(Kind.COUNT, Storage.INT, "file_id"),
  /** State the file was in (a code into the rows' state names). */
  FROM_STATE(Kind.CODE, Storage.BYTE, "from_state"),
  /** State the transition moves to (a code into the rows' state names). */
  TO_STATE(Kind.CODE, Storage.BYTE, "to_state"),
  /** Start of the transition, ns from the start of its pass. */
  START_NS(Kind.OFFSET_NS, Storage.LONG, "start"),
  /** All time inside DB work for the transition (lock_wait + statements + commit). */
  DB_TOTAL_NS(Kind.SEGMENT_NS, Storage.LONG, "db_total"),
  /** From asking for write access until holding it. */
  LOCK_WAIT_NS(Kind.SEGMENT_NS, Storage.LONG, "lock_wait"),
  /** Choose and validate the transition, run its hook (pure CPU). */
  FSM_DISPATCH_NS(Kind.SEGMENT_NS, Storage.LONG, "fsm_dispatch"),
  /** The whole transition minus the simulated API call. */
  FSM_NET_NS(Kind.SEGMENT_NS, Storage.LONG, "fsm_net"),
  /** Simulated external call from the latency profile. */
  API_NS(Kind.SEGMENT_NS, Storage.LONG, "api"),
  /** The whole transition, API call included (fsm_net + api). */
  TOTAL_NS(Kind.TOTAL_NS, Storage.LONG, "total"),
  /** Busy-handler invocations. */
  RETRIES(Kind.COUNT, Storage.INT, "retries"),
  /** What happened to the attempt, see {@link Outcome}. */
  OUTCOME(Kind.CODE, Storage.BYTE, "outcome"),
  /** Open loop: from the intended start until a worker took the transition (absent in closed loop). */
  QUEUE_WAIT_NS(Kind.SEGMENT_NS, Storage.LONG, "queue_wait"),
  /**
   * Open loop: from the intended start to the end of the transition (queue_wait + total), the
   * latency a user sees; absent in closed loop.
   */
  RESPONSE_NS(Kind.SEGMENT_NS, Storage.LONG, "response"),
  /** Open loop: when the arrival schedule meant the transition to start, ns from the start of its pass. */
  INTENDED_START_NS(Kind.OFFSET_NS, Storage.LONG, "intended_start"),
  /** What failed in a {@link Outcome#FAILED} attempt, 0 otherwise (see {@link Kind#ERROR}). */
  ERROR(Kind.ERROR, Storage.INT, "error");

  /** What a column holds. */
  public enum Kind {
    /** A small integer code into a dictionary (config ids, state names, outcomes). */
    CODE,
    /** A non-negative integer count or index. */
    COUNT,
    /** A point in time: ns from the start of the row's pass. */
    OFFSET_NS,
    /** A timed segment of the transition, ns; reported per segment in results files. */
    SEGMENT_NS,
    /** The whole transition, ns: timed, but the sum of segments rather than one. */
    TOTAL_NS,
    /**
     * What failed, 0 for nothing: an SQLite result code (below 65536, e.g. 2067 for
     * SQLITE_CONSTRAINT_UNIQUE) or, at 65536 and above, a code derived from an exception's
     * class name; the run's manifest ({@code errors}) names every code its rows use.
     */
    ERROR
  }

  /** The primitive array a column is stored in. */
  public enum Storage {
    /** {@code byte[]} (codes below 128). */
    BYTE,
    /** {@code int[]}. */
    INT,
    /** {@code long[]}. */
    LONG
  }

  private static final Column[] ALL = values();
  /** The first rows-file format's columns, in the order it wrote them. */
  private static final List<Column> FIRST_FORMAT = List.of(CONFIG, REP, WORKER, FILE_ID,
      FROM_STATE, TO_STATE, START_NS, FSM_DISPATCH_NS, API_NS, LOCK_WAIT_NS, DB_TOTAL_NS,
      FSM_NET_NS, TOTAL_NS, RETRIES, OUTCOME);
  private static final List<Column> FILE_ORDER = fileOrder();
  private static final List<Column> TIMED = timedInFileOrder();
  private static final List<Column> SEGMENTS = segments();
  private static final Set<Column> OPEN_LOOP = Collections.unmodifiableSet(
      EnumSet.of(QUEUE_WAIT_NS, RESPONSE_NS, INTENDED_START_NS));

  private final Kind kind;
  private final Storage storage;
  private final String name;

  Column(Kind kind, Storage storage, String name) {
    this.kind = kind;
    this.storage = storage;
    this.name = name;
  }

  /** What the column holds. */
  public Kind kind() {
    return kind;
  }

  /** The primitive array it is stored in. */
  public Storage storage() {
    return storage;
  }

  /** True for columns measured in ns (the offset, the segments and the total). */
  public boolean inNs() {
    return kind == Kind.OFFSET_NS || kind == Kind.SEGMENT_NS || kind == Kind.TOTAL_NS;
  }

  /** True for durations: the segments and the total. */
  public boolean timed() {
    return kind == Kind.SEGMENT_NS || kind == Kind.TOTAL_NS;
  }

  /** The column's key in the rows file, the Tablesaw table and the catalog, e.g. {@code db_total_ns}. */
  public String csvKey() {
    return inNs() ? name + "_ns" : name;
  }

  /** The millisecond key of a timed column in JSON and tables, e.g. {@code db_total_ms}. */
  public String msKey() {
    if (!timed()) {
      throw new IllegalStateException(csvKey() + " is not timed and has no millisecond key");
    }
    return name + "_ms";
  }

  /** The name without unit, e.g. {@code db_total} (the catalog's segment names). */
  public String baseName() {
    return name;
  }

  /** The unit of the stored values: {@code ns}, {@code count} or {@code code}. */
  public String unit() {
    switch (kind) {
      case CODE:
      case ERROR:
        return "code";
      case COUNT: return "count";
      default: return "ns";
    }
  }

  /**
   * True when a rows file may leave the column out: timed columns and the open-loop columns
   * (absent, not zero), and the error column (left out when nothing failed; absent reads as no
   * error).
   */
  public boolean optional() {
    return timed() || OPEN_LOOP.contains(this) || kind == Kind.ERROR;
  }

  /** The columns only an open-loop run records: queue_wait, response and the intended start. */
  public static Set<Column> openLoop() {
    return OPEN_LOOP;
  }

  /** Every column a closed-loop run records (all but {@link #openLoop()}). */
  public static Set<Column> closedLoop() {
    return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(OPEN_LOOP)));
  }

  /** The column with this rows-file key. */
  public static Optional<Column> byCsvKey(String key) {
    for (Column c : ALL) {
      if (c.csvKey().equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Every column in the order rows files and tables hold them: the first format's columns in
   * their historic order, then any later column in declaration order.
   */
  public static List<Column> inFileOrder() {
    return FILE_ORDER;
  }

  /** The timed columns (segments, then the total) in file order. */
  public static List<Column> timedColumns() {
    return TIMED;
  }

  /** The segment columns in declaration order. */
  static List<Column> segmentColumns() {
    return SEGMENTS;
  }

  private static List<Column> fileOrder() {
    List<Column> out = new ArrayList<>(FIRST_FORMAT);
    for (Column c : values()) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Column> timedInFileOrder() {
    List<Column> out = new ArrayList<>();
    for (Column c : FILE_ORDER) {
      if (c.timed()) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Column> segments() {
    List<Column> out = new ArrayList<>();
    for (Column c : values()) {
      if (c.kind == Kind.SEGMENT_NS) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
