package dev.benchbook.results;

import java.util.List;
import java.util.Optional;

/** The timed segments of one transition, with their names in results files. */
public enum Segment {
  DB_TOTAL("db_total_ms"),
  LOCK_WAIT("lock_wait_ms"),
  FSM_DISPATCH("fsm_dispatch_ms"),
  FSM_NET("fsm_net_ms"),
  API("api_ms");

  /** The four segments the seed's before/after table reports, in its order. */
  public static final List<Segment> SEED_ORDER = List.of(DB_TOTAL, LOCK_WAIT, FSM_DISPATCH, FSM_NET);

  private final String key;

  Segment(String key) {
    this.key = key;
  }

  /** Name used in JSON and tables, e.g. {@code db_total_ms}. */
  public String key() {
    return key;
  }

  /** Raw-rows column holding this segment in nanoseconds, e.g. {@code db_total_ns}. */
  public String nsColumn() {
    return key.substring(0, key.length() - 3) + "_ns";
  }

  /** Finds a segment by its JSON key. */
  public static Optional<Segment> byKey(String key) {
    for (Segment s : values()) {
      if (s.key.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
