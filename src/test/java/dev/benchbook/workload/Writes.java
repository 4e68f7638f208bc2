package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Test helpers: a transition write by hand, and one number read from a database. */
final class Writes {

  private Writes() {
  }

  /** A write of file {@code file} from {@code from} to {@code to} at {@code version}. */
  static TransitionWrite of(int file, String from, String to, int version) {
    TransitionWrite w = new TransitionWrite();
    w.fileId = file;
    w.fromState = from;
    w.toState = to;
    w.expectedVersion = version;
    w.dbStartNs = System.nanoTime();
    return w;
  }

  /** The first column of the first row of {@code sql}, as a long. */
  static long count(Database db, String sql) throws Exception {
    try (Connection c = db.open(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
