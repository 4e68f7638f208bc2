package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The statements of one transition on one connection, prepared once and reused: the write of
 * the transition's edge in the workload file (its select, its optimistic check, then its
 * statements) or the workload's Java {@link DbStep}, between BEGIN and COMMIT.
 *
 * <p>Not thread-safe: one user at a time, which each strategy guarantees.
 */
final class TransactionSql implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement begin;
  private final Write[] writes;
  private final Write[] failureWrites;
  private final List<Write> distinct;
  private final Write single;
  private final Write fallback;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private final long holdNs;
  private final JavaSql java;

  /** The built-in workload's write. */
  TransactionSql(Connection connection, long holdNs) throws SQLException {
    this(connection, WorkloadFile.builtIn(), holdNs);
  }

  /** The writes of {@code workload}'s edges on {@code connection}. */
  TransactionSql(Connection connection, WorkloadFile workload, long holdNs) throws SQLException {
    this(connection, Optional.of(workload), holdNs);
  }

  /**
   * The writes of the schema's workload file, or none for a schema without one (a workload
   * whose transitions write through a Java {@link DbStep}).
   */
  TransactionSql(Connection connection, Schema schema, long holdNs) throws SQLException {
    this(connection, schema.file(), holdNs);
  }

  private TransactionSql(Connection connection, Optional<WorkloadFile> file, long holdNs)
      throws SQLException {
    this.connection = connection;
    this.holdNs = holdNs;
    this.java = new JavaSql(connection);
    WorkloadFile workload = file.orElse(null);
    this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
    this.commit = connection.prepareStatement("COMMIT");
    this.rollback = connection.prepareStatement("ROLLBACK");
    Map<WorkloadFile.WriteSql, Write> prepared = new LinkedHashMap<>();
    int states = workload == null ? 0 : workload.states().size();
    this.writes = new Write[states];
    this.failureWrites = new Write[states];
    try {
      for (WorkloadFile.EdgeSpec e : workload == null ? List.<WorkloadFile.EdgeSpec>of()
          : workload.edges()) {
        int from = workload.states().indexOf(e.from());
        writes[from] = prepare(prepared, workload.writeOf(e, false));
        failureWrites[from] = prepare(prepared, workload.writeOf(e, true));
      }
      Write all = workload != null && workload.write().isPresent()
          ? prepare(prepared, workload.write().get()) : null;
      for (int s = 0; s < states; s++) {
        writes[s] = writes[s] == null ? all : writes[s];
        failureWrites[s] = failureWrites[s] == null ? all : failureWrites[s];
      }
      this.fallback = all;
    } catch (SQLException | RuntimeException e) {
      this.distinct = List.copyOf(prepared.values());
      close();
      throw e;
    }
    this.distinct = List.copyOf(prepared.values());
    this.single = distinct.size() == 1 && distinct.get(0).select == null ? distinct.get(0) : null;
  }

  private Write prepare(Map<WorkloadFile.WriteSql, Write> prepared, WorkloadFile.WriteSql sql)
      throws SQLException {
    Write w = prepared.get(sql);
    if (w == null) {
      w = new Write(connection, sql);
      prepared.put(sql, w);
    }
    return w;
  }

  /** BEGIN IMMEDIATE: takes the write lock, waiting in the busy handler if needed. */
  void begin() throws SQLException {
    begin.executeUpdate();
  }

  /** COMMIT. */
  void commit() throws SQLException {
    commit.executeUpdate();
  }

  /**
   * Runs the transaction body after BEGIN: the write's select and optimistic check, its
   * statements (or the Java DB step), hold, COMMIT. Sets {@code write.result}; rolls back on
   * conflict or error (an error of the workload's code or SQL is a failure with its throwable).
   */
  void bodyAndCommit(TransitionWrite write) {
    try {
      if (!body(write)) {
        rollbackQuietly();
        write.result = Outcome.CONFLICT;
        return;
      }
      commit.executeUpdate();
      write.result = Outcome.COMMITTED;
    } catch (Throwable e) {
      rollbackQuietly();
      write.failed(rethrowFatal(e));
    }
  }

  /** Rethrows errors no transition can survive (out of memory); returns the others. */
  static Throwable rethrowFatal(Throwable t) {
    return ErrorCodes.survivable(t);
  }

  /** True when the write runs the workload's Java DB step. */
  static boolean isJava(TransitionWrite write) {
    return write.dbStep != null;
  }

  /**
   * Select and check, injected failure, statements and hold (or the Java DB step, injected
   * failure and hold), inside a transaction the caller opened. Returns false on a failed
   * optimistic check.
   */
  boolean body(TransitionWrite write) throws Exception {
    if (write.dbStep != null) {
      if (!write.dbStep.run(write.step, java.forWorker(write.worker))) {
        return false;
      }
      if (write.injectFailure) {
        throw new InjectedFailure(write.fileId);
      }
      Pause.ns(holdNs);
      return true;
    }
    if (!update(write)) {
      return false;
    }
    if (write.injectFailure) {
      throw new InjectedFailure(write.fileId);
    }
    insertAudit(write);
    Pause.ns(holdNs);
    return true;
  }

  /** The select (when the write has one) and the optimistic check; true when both matched. */
  boolean update(TransitionWrite write) throws SQLException {
    if (distinct.isEmpty()) {
      throw new SQLException("this workload's schema has no write SQL; its transitions need a "
          + "Java DB step (Transitions.dbStep)");
    }
    Write w = of(write);
    return w.select(write) && w.check.bind(write).executeUpdate() == 1;
  }

  /** The statements after the check (the audit INSERT of the built-in workload). */
  void insertAudit(TransitionWrite write) throws SQLException {
    for (NamedSql statement : of(write).statements) {
      statement.bind(write).executeUpdate();
    }
  }

  /** The write of the transition's edge. */
  private Write of(TransitionWrite write) {
    Write[] byState = write.failure ? failureWrites : writes;
    int s = write.fromCode;
    Write w = s >= 0 && s < byState.length ? byState[s] : null;
    if (w == null) {
      // a flow in Java over the file's tables: its states are not the file's
      if (fallback == null) {
        throw new IllegalStateException("no write for a transition from state code " + s
            + " (" + write.fromState + ")");
      }
      return fallback;
    }
    return w;
  }

  /**
   * True when every transition runs the same write with no select, so that a group of them
   * can be sent as JDBC batches ({@link #updateBatch}, {@link #insertBatch}).
   */
  boolean batchable() {
    return single != null;
  }

  /**
   * Batched UPDATEs (with the optimistic check) of several transitions inside a transaction the
   * caller opened; returns each UPDATE's row count (1 = applied, 0 = conflict). Only when
   * {@link #batchable()}.
   */
  int[] updateBatch(TransitionWrite[] writes, int n) throws SQLException {
    for (int i = 0; i < n; i++) {
      single.check.bind(writes[i]).addBatch();
    }
    return single.check.statement().executeBatch();
  }

  /**
   * Batched statements of the transitions whose {@code result} is COMMITTED, then the held
   * work of each of them, inside the caller's transaction. Only when {@link #batchable()}.
   */
  void insertBatch(TransitionWrite[] writes, int n) throws SQLException {
    int added = 0;
    for (int i = 0; i < n; i++) {
      TransitionWrite w = writes[i];
      if (w.result != Outcome.COMMITTED) {
        continue;
      }
      for (NamedSql statement : single.statements) {
        statement.bind(w).addBatch();
      }
      added++;
    }
    if (added > 0) {
      for (NamedSql statement : single.statements) {
        statement.statement().executeBatch();
      }
    }
    Pause.ns(holdNs * added);
  }

  /**
   * Runs each transition's whole body in order inside a transaction the caller opened (for
   * writes that cannot be batched); sets each result. On an error it rolls the transaction
   * back, sets that transition's result and returns its index; else -1.
   */
  int runEach(TransitionWrite[] writes, int n) {
    for (int i = 0; i < n; i++) {
      TransitionWrite w = writes[i];
      try {
        w.result = body(w) ? Outcome.COMMITTED : Outcome.CONFLICT;
      } catch (Throwable e) {
        rollbackQuietly();
        w.failed(rethrowFatal(e));
        return i;
      }
    }
    return -1;
  }

  /**
   * One transition of a batch inside the caller's transaction, in its own savepoint: a
   * conflict or a failure rolls back only this transition's statements. Sets the result
   * (COMMITTED meaning: written, committed with the batch).
   */
  void inSavepoint(TransitionWrite write) throws SQLException {
    java.prepare("SAVEPOINT benchbook_step").execute();
    boolean written;
    try {
      written = body(write);
    } catch (Throwable t) {
      undoSavepoint();
      write.failed(rethrowFatal(t));
      return;
    }
    if (written) {
      java.prepare("RELEASE benchbook_step").execute();
      write.result = Outcome.COMMITTED;
    } else {
      undoSavepoint();
      write.result = Outcome.CONFLICT;
    }
  }

  private void undoSavepoint() throws SQLException {
    java.prepare("ROLLBACK TO benchbook_step").execute();
    java.prepare("RELEASE benchbook_step").execute();
  }

  /** ROLLBACK, ignoring errors (there may be no open transaction). */
  void rollbackQuietly() {
    try {
      rollback.executeUpdate();
    } catch (SQLException ignored) {
      // no transaction open: nothing to roll back
    }
  }

  /** True when the error is SQLITE_BUSY (any extended code). */
  static boolean isBusy(Exception e) {
    if (e instanceof SQLiteException) {
      SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
      return code.code % 256 == SQLiteErrorCode.SQLITE_BUSY.code;
    }
    return false;
  }

  /** Closes the statements, then the connection they belong to. */
  void closeWithConnection() {
    close();
    Connections.closeQuietly(connection);
  }

  @Override
  public void close() {
    if (java != null) {
      java.close();
    }
    List<PreparedStatement> all = new ArrayList<>(List.of(begin, commit, rollback));
    if (distinct != null) {
      for (Write w : distinct) {
        w.addStatements(all);
      }
    }
    for (PreparedStatement p : all) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing during cleanup: the connection is closed next anyway
      }
    }
  }

  /** One write of the file, prepared: its select, check and statements. */
  private static final class Write {
    private final NamedSql select;
    private final int columns;
    private final NamedSql check;
    private final NamedSql[] statements;

    Write(Connection c, WorkloadFile.WriteSql sql) throws SQLException {
      List<String> selected = new ArrayList<>();
      if (sql.select().isPresent()) {
        this.select = NamedSql.prepare(c, sql.select().get());
        selected.addAll(NamedSql.columns(select.statement()));
      } else {
        this.select = null;
      }
      this.columns = selected.size();
      this.check = NamedSql.prepare(c, sql.check(), selected);
      this.statements = new NamedSql[sql.statements().size()];
      for (int i = 0; i < statements.length; i++) {
        statements[i] = NamedSql.prepare(c, sql.statements().get(i), selected);
      }
    }

    /** Runs the select into {@code write.selected}; false when it found no row. */
    boolean select(TransitionWrite write) throws SQLException {
      if (select == null) {
        return true;
      }
      if (write.selected == null || write.selected.length < columns) {
        write.selected = new Object[columns];
      }
      try (ResultSet r = select.bind(write).executeQuery()) {
        if (!r.next()) {
          return false;
        }
        for (int i = 0; i < columns; i++) {
          write.selected[i] = r.getObject(i + 1);
        }
        return true;
      }
    }

    void addStatements(List<PreparedStatement> out) {
      if (select != null) {
        out.add(select.statement());
      }
      out.add(check.statement());
      for (NamedSql s : statements) {
        out.add(s.statement());
      }
    }
  }

  /** Thrown between UPDATE and COMMIT when a test asks for a failure. */
  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(int fileId) {
      super("injected failure in a transition of file " + fileId, null, false, false);
    }
  }
}
