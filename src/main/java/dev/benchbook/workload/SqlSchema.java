package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schema given as SQL: CREATE statements, a seed INSERT with {@code :file_id} and
 * {@code :state}, optionally the workload file it comes from (its writes) and a violations
 * query.
 */
class SqlSchema implements Schema {

  private final List<String> create;
  private final String seed;
  private final Optional<WorkloadFile> file;
  private final Optional<String> violations;

  SqlSchema(List<String> create, String seed, Optional<WorkloadFile> file,
      Optional<String> violations) {
    if (create.isEmpty()) {
      throw new IllegalArgumentException("a schema needs at least one CREATE statement");
    }
    for (String name : NamedSql.names(seed)) {
      if (!WorkloadFile.SEED_PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("seed INSERT: no parameter :" + name + "; expected "
            + "among :file_id, :state");
      }
    }
    this.create = List.copyOf(create);
    this.seed = seed;
    this.file = file;
    this.violations = violations;
  }

  /** A workload file's: its integrity check is the file's (IntegrityCheck). */
  static SqlSchema of(WorkloadFile w) {
    return new SqlSchema(w.schema(), w.seed(), Optional.of(w), Optional.empty()) {
      @Override
      public IntegrityReport check(Database db, Flow flow, ItemCounts counts)
          throws SQLException {
        return IntegrityCheck.run(db, w, flow, counts.committed(), counts.bounded());
      }
    };
  }

  @Override
  public List<String> create() {
    return create;
  }

  @Override
  public void seed(Connection c, Flow flow, int items) throws SQLException {
    List<String> names = NamedSql.names(seed);
    String initial = flow.states().get(flow.initial());
    try (PreparedStatement p = c.prepareStatement(seed)) {
      for (int i = 0; i < items; i++) {
        for (int k = 0; k < names.size(); k++) {
          if ("file_id".equals(names.get(k))) {
            p.setInt(k + 1, i);
          } else {
            p.setString(k + 1, initial);
          }
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public Optional<WorkloadFile> file() {
    return file;
  }

  @Override
  public IntegrityReport check(Database db, Flow flow, ItemCounts counts) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.open(); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        String result = r.next() ? r.getString(1) : "";
        if (!"ok".equals(result)) {
          out.add("PRAGMA integrity_check returned '" + result + "'");
        }
      }
      if (violations.isPresent()) {
        try (ResultSet r = s.executeQuery(violations.get())) {
          while (r.next() && out.size() < 10) {
            out.add(r.getString(1));
          }
        }
      }
    }
    long ended = counts.terminal() + counts.failed();
    if (ended != counts.started()) {
      out.add((counts.started() - ended) + " of " + counts.started() + " started items did not "
          + "reach a terminal state");
    }
    if (!counts.bounded() && counts.started() != counts.items()) {
      out.add("only " + counts.started() + " of " + counts.items() + " items were started");
    }
    return new IntegrityReport(counts.items(), counts.terminal(), counts.failed(),
        counts.bounded() ? counts.items() - counts.started() : 0, counts.committed(), out);
  }
}
