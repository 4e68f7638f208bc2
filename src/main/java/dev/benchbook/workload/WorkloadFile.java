package dev.benchbook.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workload file: its flow (states, edges, retry limit), its schema and seed data, and the
 * SQL of a transition's write, as docs/WORKLOADS.md describes. Read with {@link #read}, checked
 * with {@link WorkloadCheck}. The built-in FSM is the file {@code workloads/upload-index.json}
 * shipped in the jar ({@link #builtIn()}).
 *
 * @param source where it was read from, for messages
 * @param name workload name, recorded in results
 * @param description one line
 * @param states state names
 * @param initial initial state
 * @param terminal terminal success state
 * @param failed terminal failure state
 * @param maxFailures failures of one file after which it moves to the failed state
 * @param edges the transitions
 * @param schema CREATE statements
 * @param seed the INSERT of one file's row ({@code :file_id}, {@code :state})
 * @param write the SQL of a transition's write
 * @param auditTable the table with one row per committed transition, if the workload has one
 */
public record WorkloadFile(String source, String name, String description, List<String> states,
    String initial, String terminal, String failed, int maxFailures, List<EdgeSpec> edges,
    List<String> schema, String seed, WriteSql write, Optional<String> auditTable) {

  /** The format version this build reads. */
  public static final int FORMAT = 1;
  /** The named parameters a transition's SQL may use. */
  public static final Set<String> WRITE_PARAMETERS = Set.of("file_id", "from_state", "to_state",
      "version", "failures", "worker");
  /** The named parameters the seed INSERT may use. */
  public static final Set<String> SEED_PARAMETERS = Set.of("file_id", "state");
  /** Where the built-in workload lives in the jar. */
  public static final String BUILT_IN = "/workloads/upload-index.json";

  /** Copies lists. */
  public WorkloadFile {
    states = List.copyOf(states);
    edges = List.copyOf(edges);
    schema = List.copyOf(schema);
  }

  /**
   * One edge.
   *
   * @param from from-state
   * @param to to-state
   * @param callsApi whether it makes the external call first
   * @param failureTo where a failed external call leads, if it can fail
   * @param hook name of its dispatch hook
   */
  public record EdgeSpec(String from, String to, boolean callsApi, Optional<String> failureTo,
      String hook) {
  }

  /**
   * A transition's write: an optimistic check (an UPDATE that must change exactly one row,
   * else the transition is a conflict), then further statements.
   *
   * @param check the optimistic UPDATE
   * @param statements statements after it, in order
   */
  public record WriteSql(String check, List<String> statements) {

    /** Copies the list. */
    public WriteSql {
      statements = List.copyOf(statements);
    }
  }

  /** Reads a workload file; IllegalArgumentException naming the file, the JSON path, what was expected. */
  public static WorkloadFile read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The built-in workload, from the jar (read once). */
  public static WorkloadFile builtIn() {
    return BuiltIn.FILE;
  }

  /** The built-in file, read on first use. */
  private static final class BuiltIn {
    static final WorkloadFile FILE = readBuiltIn();
  }

  private static WorkloadFile readBuiltIn() {
    try (InputStream in = WorkloadFile.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in workload " + BUILT_IN + " is missing");
      }
      return parse("jar:" + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Parses a workload file's text; {@code source} names it in messages. */
  public static WorkloadFile parse(String source, String text) {
    Object root;
    try {
      root = JsonText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    Fields f = new Fields(source, "$", root);
    long format = f.whole("workload_format");
    if (format != FORMAT) {
      throw f.bad("workload_format", "format " + FORMAT + ", got " + format);
    }
    List<EdgeSpec> edges = new ArrayList<>();
    List<Object> rawEdges = f.list("edges");
    for (int i = 0; i < rawEdges.size(); i++) {
      Fields e = new Fields(source, "$.edges[" + i + "]", rawEdges.get(i));
      edges.add(new EdgeSpec(e.text("from"), e.text("to"), e.flag("calls_api"),
          e.optionalText("failure_to"), e.optionalText("hook").orElse("edge" + i)));
    }
    Fields w = f.object("write");
    return new WorkloadFile(source, f.text("name"), f.optionalText("description").orElse(""),
        f.texts("states"), f.text("initial"), f.text("terminal"), f.text("failed"),
        (int) f.whole("max_failures"), edges, f.texts("schema"), f.text("seed"),
        new WriteSql(w.text("check"), w.texts("statements")), f.optionalText("audit_table"));
  }

  /** The flow of this workload (state codes are indexes into {@code states}). */
  public Flow flow() {
    List<Edge> out = new ArrayList<>();
    for (EdgeSpec e : edges) {
      out.add(new Edge(states.indexOf(e.from()), states.indexOf(e.to()), e.callsApi(),
          e.failureTo().map(states::indexOf).orElse(-1), e.hook()));
    }
    return new Flow(name, states, out, states.indexOf(initial), states.indexOf(terminal),
        states.indexOf(failed), maxFailures);
  }

  /** One JSON object's fields, read with the path of each in messages. */
  private record Fields(String source, String path, Object node) {

    Fields {
      if (!(node instanceof Map)) {
        throw new IllegalArgumentException(source + ": " + path + ": expected an object");
      }
    }

    private Object get(String key) {
      Object v = ((Map<?, ?>) node).get(key);
      if (v == null) {
        throw bad(key, "a value (it is missing)");
      }
      return v;
    }

    IllegalArgumentException bad(String key, String expected) {
      return new IllegalArgumentException(source + ": " + path + "." + key + ": expected "
          + expected);
    }

    String text(String key) {
      Object v = get(key);
      if (!(v instanceof String s) || s.isBlank()) {
        throw bad(key, "a non-empty string");
      }
      return s;
    }

    Optional<String> optionalText(String key) {
      return ((Map<?, ?>) node).containsKey(key) ? Optional.of(text(key)) : Optional.empty();
    }

    boolean flag(String key) {
      Object v = ((Map<?, ?>) node).get(key);
      if (v == null) {
        return false;
      }
      if (!(v instanceof Boolean b)) {
        throw bad(key, "true or false");
      }
      return b;
    }

    long whole(String key) {
      if (!(get(key) instanceof Long n)) {
        throw bad(key, "a whole number");
      }
      return n;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
      if (!(get(key) instanceof List<?> l)) {
        throw bad(key, "an array");
      }
      return (List<Object>) l;
    }

    List<String> texts(String key) {
      List<String> out = new ArrayList<>();
      List<Object> l = list(key);
      for (int i = 0; i < l.size(); i++) {
        if (!(l.get(i) instanceof String s) || s.isBlank()) {
          throw bad(key + "[" + i + "]", "a non-empty string");
        }
        out.add(s);
      }
      return out;
    }

    Fields object(String key) {
      return new Fields(source, path + "." + key, get(key));
    }
  }
}
