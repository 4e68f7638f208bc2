package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a database after a pass, as its workload file declares: every file terminal or failed
 * (or untouched when duration-bounded), one audit row per committed transition when the
 * workload has an audit table, each invariant's query empty, PRAGMA integrity_check ok.
 */
public final class IntegrityCheck {

  private IntegrityCheck() {
  }

  /** Runs every check of the database's workload file and reports all violations. */
  public static IntegrityReport run(Database db, Flow flow, long committedTransitions,
      boolean durationBounded) throws SQLException {
    return run(db, db.schema().file().orElseThrow(() -> new IllegalArgumentException(
        "this database's schema has no workload file to check it against")), flow,
        committedTransitions, durationBounded);
  }

  /** Runs every check {@code w} declares on the database and reports all violations. */
  public static IntegrityReport run(Database db, WorkloadFile w, Flow flow,
      long committedTransitions, boolean durationBounded) throws SQLException {
    List<String> violations = new ArrayList<>();
    try (Connection c = db.open(); Statement s = c.createStatement()) {
      String integrity = single(s, "PRAGMA integrity_check");
      if (!"ok".equals(integrity)) {
        violations.add("PRAGMA integrity_check returned '" + integrity + "'");
      }
      long audit = 0;
      if (w.auditTable().isPresent()) {
        audit = count(s, "SELECT count(*) FROM \"" + w.auditTable().get().replace("\"", "\"\"")
            + "\"");
        if (audit != committedTransitions) {
          violations.add("audit rows " + audit + " != committed transitions "
              + committedTransitions + " (" + Math.abs(committedTransitions - audit)
              + (audit < committedTransitions ? " committed transitions lost)"
              : " audit rows without a recorded commit)"));
        }
      }
      for (WorkloadFile.Invariant invariant : w.integrity().invariants()) {
        String broken = ids(s, invariant.violations());
        if (!broken.isEmpty()) {
          violations.add(invariant.name() + " does not hold: " + broken);
        }
      }
      States states = states(s, w.integrity().states(), flow, durationBounded);
      if (!states.stuck.isEmpty()) {
        violations.add("files not in a terminal state: " + shown(states.stuck, states.stuckCount));
      }
      return new IntegrityReport(states.files, states.terminal, states.failed,
          durationBounded ? states.untouched : 0, audit, violations);
    }
  }

  /** Counts of the files' states, and the ids of files stuck in the middle of the flow. */
  private static final class States {
    long files;
    long terminal;
    long failed;
    long untouched;
    long stuckCount;
    final List<String> stuck = new ArrayList<>();
  }

  private static States states(Statement s, String query, Flow flow, boolean durationBounded)
      throws SQLException {
    String terminal = flow.states().get(flow.terminal());
    String failed = flow.states().get(flow.failed());
    String initial = flow.states().get(flow.initial());
    States out = new States();
    try (ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        out.files++;
        String state = r.getString(2);
        if (terminal.equals(state)) {
          out.terminal++;
        } else if (failed.equals(state)) {
          out.failed++;
        } else if (durationBounded && initial.equals(state)) {
          out.untouched++;
        } else if (out.stuckCount++ < 10) {
          out.stuck.add(r.getString(1));
        }
      }
    }
    return out;
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

  /** Up to ten values of a query's first column, with the total when there are more. */
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
    return total == 0 ? "" : shown(shown, total);
  }

  private static String shown(List<String> shown, long total) {
    return total + " (ids " + String.join(", ", shown) + (total > 10 ? ", ..." : "") + ")";
  }
}
