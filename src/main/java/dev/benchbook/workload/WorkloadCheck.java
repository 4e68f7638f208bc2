package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks a workload file before anything runs, one sentence per problem naming the file and
 * the JSON path: unknown states, a duplicate edge or two edges out of one state, an edge out
 * of a terminal state, a terminal state the initial state cannot reach, a cycle with no retry
 * limit, SQL that does not prepare against the schema, a named parameter that does not exist.
 */
public final class WorkloadCheck {

  /** Most states a flow can have: raw rows keep a state's code in a byte. */
  public static final int MAX_STATES = Byte.MAX_VALUE;

  private WorkloadCheck() {
  }

  /** Every problem of the file; empty when it can run. */
  public static List<String> problems(WorkloadFile w) {
    List<String> out = new ArrayList<>();
    flow(w, out);
    if (out.isEmpty()) {
      reach(w, out);
    }
    sql(w, out);
    return out;
  }

  /** Fails with every problem, one per line, when there is any. */
  public static WorkloadFile checked(WorkloadFile w) {
    List<String> p = problems(w);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", p));
    }
    return w;
  }

  private static void flow(WorkloadFile w, List<String> out) {
    Set<String> states = new HashSet<>();
    for (int i = 0; i < w.states().size(); i++) {
      if (!states.add(w.states().get(i))) {
        out.add(at(w, "states[" + i + "]", "state '" + w.states().get(i) + "' is listed twice"));
      }
    }
    if (w.states().size() > MAX_STATES) {
      out.add(at(w, "states", "at most " + MAX_STATES + " states (raw rows keep a state in a "
          + "byte), got " + w.states().size()));
    }
    known(w, "initial", w.initial(), out);
    known(w, "terminal", w.terminal(), out);
    known(w, "failed", w.failed(), out);
    if (w.terminal().equals(w.failed())) {
      out.add(at(w, "failed", "the failed state must differ from the terminal state"));
    }
    Set<String> from = new HashSet<>();
    for (int i = 0; i < w.edges().size(); i++) {
      WorkloadFile.EdgeSpec e = w.edges().get(i);
      String p = "edges[" + i + "]";
      known(w, p + ".from", e.from(), out);
      known(w, p + ".to", e.to(), out);
      e.failureTo().ifPresent(f -> known(w, p + ".failure_to", f, out));
      if (e.from().equals(w.terminal()) || e.from().equals(w.failed())) {
        out.add(at(w, p + ".from", "an edge out of the terminal state " + e.from()));
      }
      if (!from.add(e.from())) {
        out.add(at(w, p, "a second edge out of " + e.from() + " (each state has one forward "
            + "edge; failures take failure_to)"));
      }
      if (e.failureTo().isPresent() && !e.callsApi()) {
        out.add(at(w, p + ".failure_to", "only an edge that calls the API can fail"));
      }
      if (e.latency().isPresent() && !e.callsApi()) {
        out.add(at(w, p + ".latency", "only an edge that calls the API has a latency"));
      }
      if (e.failureWrite().isPresent() && e.failureTo().isEmpty()) {
        out.add(at(w, p + ".failure_write", "only an edge with failure_to can fail"));
      }
      if (e.write().isEmpty() && w.write().isEmpty()) {
        out.add(at(w, p + ".write", "expected the edge's write (the file has no top-level "
            + "write for every edge)"));
      }
    }
    Set<String> reached = reachable(w);
    for (int i = 0; i < w.states().size(); i++) {
      String state = w.states().get(i);
      if (!from.contains(state) && !reached.contains(state) && !state.equals(w.terminal())
          && !state.equals(w.failed())) {
        out.add(at(w, "states[" + i + "]", "state " + state + " has no edge out and is neither "
            + "the terminal nor the failed state"));
      }
    }
    if (w.maxFailures() < 1 && w.edges().stream().anyMatch(e -> e.failureTo().isPresent())) {
      out.add(at(w, "max_failures", "a failure edge makes a cycle: max_failures must be >= 1, "
          + "got " + w.maxFailures()));
    }
  }

  /**
   * States the initial one leads to along edges and failure edges (a reachable state with no
   * edge out is reported by {@link #reach} as the end of the path).
   */
  private static Set<String> reachable(WorkloadFile w) {
    Set<String> seen = new HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(w.initial()));
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (seen.add(s)) {
        for (WorkloadFile.EdgeSpec e : w.edges()) {
          if (e.from().equals(s)) {
            todo.push(e.to());
            e.failureTo().ifPresent(todo::push);
          }
        }
      }
    }
    return seen;
  }

  private static void known(WorkloadFile w, String path, String state, List<String> out) {
    if (!w.states().contains(state)) {
      out.add(at(w, path, "unknown state '" + state + "'; states: "
          + String.join(", ", w.states())));
    }
  }

  /** The terminal state is reached from the initial one along forward edges, with no loop. */
  private static void reach(WorkloadFile w, List<String> out) {
    Set<String> seen = new HashSet<>();
    String s = w.initial();
    while (!s.equals(w.terminal())) {
      if (!seen.add(s)) {
        out.add(at(w, "edges", "the forward edges loop at " + s + " with no retry limit; "
            + w.terminal() + " is never reached"));
        return;
      }
      String from = s;
      WorkloadFile.EdgeSpec next = w.edges().stream().filter(e -> e.from().equals(from))
          .findFirst().orElse(null);
      if (next == null) {
        out.add(at(w, "terminal", "the terminal state " + w.terminal() + " cannot be reached "
            + "from " + w.initial() + ": no edge out of " + s));
        return;
      }
      s = next.to();
    }
  }

  private static void sql(WorkloadFile w, List<String> out) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      for (int i = 0; i < w.schema().size(); i++) {
        try {
          s.execute(w.schema().get(i));
        } catch (SQLException e) {
          out.add(at(w, "schema[" + i + "]", "SQL error: " + e.getMessage()));
        }
      }
      prepare(c, w, "seed", w.seed(), WorkloadFile.SEED_PARAMETERS, out);
      w.write().ifPresent(write -> write(c, w, "write", write, out));
      for (int i = 0; i < w.edges().size(); i++) {
        String p = "edges[" + i + "]";
        WorkloadFile.EdgeSpec e = w.edges().get(i);
        e.write().ifPresent(write -> write(c, w, p + ".write", write, out));
        e.failureWrite().ifPresent(write -> write(c, w, p + ".failure_write", write, out));
      }
      w.auditTable().ifPresent(t -> prepare(c, w, "audit_table", "SELECT count(*) FROM \""
          + t.replace("\"", "\"\"") + "\"", Set.of(), out));
      int before = out.size();
      int columns = prepare(c, w, "integrity.states", w.integrity().states(), Set.of(), out)
          .size();
      if (out.size() == before && columns != 2) {
        out.add(at(w, "integrity.states", "expected a query of 2 columns (id, state), got "
            + columns));
      }
      for (int i = 0; i < w.integrity().invariants().size(); i++) {
        prepare(c, w, "integrity.invariants[" + i + "].violations",
            w.integrity().invariants().get(i).violations(), Set.of(), out);
      }
    } catch (SQLException e) {
      out.add(w.source() + ": cannot open an in-memory SQLite to check the SQL: "
          + e.getMessage());
    }
  }

  /** A write: its select's columns are parameters of its check and statements. */
  private static void write(Connection c, WorkloadFile w, String path, WorkloadFile.WriteSql ws,
      List<String> out) {
    Set<String> allowed = new java.util.TreeSet<>(WorkloadFile.WRITE_PARAMETERS);
    ws.select().ifPresent(q -> {
      List<String> columns = prepare(c, w, path + ".select", q, WorkloadFile.WRITE_PARAMETERS,
          out);
      if (columns.isEmpty()) {
        out.add(at(w, path + ".select", "expected a SELECT returning columns"));
      }
      for (String col : columns) {
        if (!NamedSql.NAME.matcher(col).matches()) {
          out.add(at(w, path + ".select", "column '" + col + "' cannot be a parameter name; "
              + "name it with AS"));
        } else if (!allowed.add(col)) {
          out.add(at(w, path + ".select", "column '" + col + "' shadows the parameter :" + col));
        }
      }
    });
    prepare(c, w, path + ".check", ws.check(), allowed, out);
    for (int i = 0; i < ws.statements().size(); i++) {
      prepare(c, w, path + ".statements[" + i + "]", ws.statements().get(i), allowed, out);
    }
  }

  /**
   * Checks the parameters and prepares the statement; returns its result columns' names (empty
   * for a statement without results or one that did not prepare: that is reported).
   */
  private static List<String> prepare(Connection c, WorkloadFile w, String path, String sql,
      Set<String> allowed, List<String> out) {
    Matcher m = NamedSql.PARAMETER.matcher(sql);
    while (m.find()) {
      if (!allowed.contains(m.group(1))) {
        out.add(at(w, path, "no parameter :" + m.group(1) + (allowed.isEmpty()
            ? " (this query takes no parameters)" : "; parameters: :"
            + String.join(", :", allowed.stream().sorted().toList()))));
      }
    }
    try (var p = c.prepareStatement(sql)) {
      p.getParameterMetaData();
      return NamedSql.columns(p);
    } catch (SQLException e) {
      out.add(at(w, path, "SQL error: " + e.getMessage()));
      return List.of();
    }
  }

  private static String at(WorkloadFile w, String path, String what) {
    return w.source() + ": $." + path + ": " + what;
  }
}
