package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a database after a pass: every file terminal (or untouched when duration-bounded),
 * audit rows = committed transitions, version = audit rows per file, PRAGMA integrity_check ok.
 */
public final class IntegrityCheck {

  private IntegrityCheck() {
  }

  /** Runs every check and reports all violations. */
  public static IntegrityReport run(Database db, Flow flow, long committedTransitions,
      boolean durationBounded) throws SQLException {
    List<String> violations = new ArrayList<>();
    try (Connection c = db.open(); Statement s = c.createStatement()) {
      String integrity = single(s, "PRAGMA integrity_check");
      if (!"ok".equals(integrity)) {
        violations.add("PRAGMA integrity_check returned '" + integrity + "'");
      }
      long files = count(s, "SELECT count(*) FROM files");
      long audit = count(s, "SELECT count(*) FROM transitions");
      if (audit != committedTransitions) {
        violations.add("audit rows " + audit + " != committed transitions " + committedTransitions
            + " (" + Math.abs(committedTransitions - audit) + (audit < committedTransitions
            ? " committed transitions lost)" : " audit rows without a recorded commit)"));
      }
      String versionMismatch = ids(s, "SELECT f.id FROM files f LEFT JOIN (SELECT file_id, "
          + "count(*) n FROM transitions GROUP BY file_id) t ON t.file_id = f.id "
          + "WHERE f.version != coalesce(t.n, 0) ORDER BY f.id");
      if (!versionMismatch.isEmpty()) {
        violations.add("version != audit rows for files " + versionMismatch);
      }
      String terminal = quote(flow.states().get(flow.terminal()));
      String failedName = quote(flow.states().get(flow.failed()));
      String initial = quote(flow.states().get(flow.initial()));
      long done = count(s, "SELECT count(*) FROM files WHERE state = " + terminal);
      long failed = count(s, "SELECT count(*) FROM files WHERE state = " + failedName);
      long untouched = count(s, "SELECT count(*) FROM files WHERE state = " + initial
          + " AND version = 0");
      String stuck = ids(s, "SELECT id FROM files WHERE state NOT IN (" + terminal + ", "
          + failedName + ")" + (durationBounded ? " AND version > 0" : "") + " ORDER BY id");
      if (!stuck.isEmpty()) {
        violations.add("files not in a terminal state: " + stuck);
      }
      return new IntegrityReport(files, done, failed, durationBounded ? untouched : 0, audit,
          violations);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : "";
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Up to ten ids from a query, with the total when there are more. */
  private static String ids(Statement s, String sql) throws SQLException {
    List<String> shown = new ArrayList<>();
    int total = 0;
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        if (total++ < 10) {
          shown.add(r.getString(1));
        }
      }
    }
    if (total == 0) {
      return "";
    }
    return total + " (ids " + String.join(", ", shown) + (total > 10 ? ", ..." : "") + ")";
  }
}
