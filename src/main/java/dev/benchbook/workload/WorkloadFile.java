package dev.benchbook.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workload file: its flow (states, edges, retry limit, latency per edge), its schema and seed
 * data, the SQL of each edge's write and the integrity checks, as docs/WORKLOADS.md describes.
 * Read with {@link #read}, checked with {@link WorkloadCheck}. The built-in FSM is the file
 * {@code workloads/upload-index.json} shipped in the jar ({@link #builtIn()}).
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
 * @param schema statements run once on every fresh database (CREATE, fixed INSERTs)
 * @param seed the INSERT of one file's row ({@code :file_id}, {@code :state})
 * @param write the write of every edge without its own
 * @param auditTable the table with one row per committed transition, if the workload has one
 * @param integrity what the integrity check asks the database after every pass
 * @param text the file's text as read (its hash identifies the workload in results)
 */
public record WorkloadFile(String source, String name, String description, List<String> states,
    String initial, String terminal, String failed, int maxFailures, List<EdgeSpec> edges,
    List<String> schema, String seed, Optional<WriteSql> write, Optional<String> auditTable,
    Integrity integrity, String text) {

  /** The format version this build reads. */
  public static final int FORMAT = 1;
  /** The named parameters a transition's SQL may use (besides its select's columns). */
  public static final Set<String> WRITE_PARAMETERS = Set.of("file_id", "from_state", "to_state",
      "version", "failures", "worker", "now_ms");
  /** The named parameters the seed INSERT may use. */
  public static final Set<String> SEED_PARAMETERS = Set.of("file_id", "state");
  /** Where the built-in workload lives in the jar. */
  public static final String BUILT_IN = "/workloads/upload-index.json";

  private static final Set<String> KEYS = Set.of("workload_format", "name", "description",
      "states", "initial", "terminal", "failed", "max_failures", "edges", "schema", "seed",
      "write", "audit_table", "integrity");
  private static final Set<String> EDGE_KEYS = Set.of("from", "to", "calls_api", "failure_to",
      "hook", "latency", "write", "failure_write");
  private static final Set<String> WRITE_KEYS = Set.of("select", "check", "statements");

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
   * @param latency the external call's own latency profile (else the config's)
   * @param write this edge's write (else the file's {@code write})
   * @param failureWrite the write when the call failed (else this edge's write)
   */
  public record EdgeSpec(String from, String to, boolean callsApi, Optional<String> failureTo,
      String hook, Optional<LatencyProfile> latency, Optional<WriteSql> write,
      Optional<WriteSql> failureWrite) {

    /** An edge with no latency or SQL of its own. */
    public EdgeSpec(String from, String to, boolean callsApi, Optional<String> failureTo,
        String hook) {
      this(from, to, callsApi, failureTo, hook, Optional.empty(), Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * A transition's write: an optional SELECT whose one row's columns become named parameters
   * of the statements after it (no row: a conflict), an optimistic check (a statement that must
   * change exactly one row, else the transition is a conflict and writes nothing), then further
   * statements, all in one transaction.
   *
   * @param select the SELECT run first, if any
   * @param check the optimistic UPDATE
   * @param statements statements after it, in order
   */
  public record WriteSql(Optional<String> select, String check, List<String> statements) {

    /** Copies the list. */
    public WriteSql {
      statements = List.copyOf(statements);
    }

    /** A write without a select. */
    public WriteSql(String check, List<String> statements) {
      this(Optional.empty(), check, statements);
    }
  }

  /**
   * What the integrity check asks besides PRAGMA integrity_check and the audit table's count.
   *
   * @param states a query of every file's id and state ({@code SELECT id, state FROM files}):
   *     each must be terminal or failed after a pass (when absent, the runner's count stands)
   * @param invariants queries that return no row when the invariant holds
   */
  public record Integrity(String states, List<Invariant> invariants) {

    /** Copies the list. */
    public Integrity {
      invariants = List.copyOf(invariants);
    }
  }

  /**
   * One invariant of the database after a pass.
   *
   * @param name what holds, e.g. {@code version = audit rows per file}
   * @param violations a query returning one row per violation (its first column names it)
   */
  public record Invariant(String name, String violations) {
  }

  /** Reads a workload file; IllegalArgumentException naming the file, the JSON path, what was expected. */
  public static WorkloadFile read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a workload file, or the workload file a results file's manifest copied
   * ({@code manifest.workload.file}), so that a run repeats from its results alone.
   */
  public static WorkloadFile load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains("\"schema_version\"") || !text.contains("\"manifest\"")) {
      return parse(file.toString(), text);
    }
    Object root;
    try {
      root = JsonText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> r) || !r.containsKey("schema_version")) {
      return parse(file.toString(), text);
    }
    Object copied = r.get("manifest") instanceof Map<?, ?> m
        && m.get("workload") instanceof Map<?, ?> w ? w.get("file") : null;
    if (!(copied instanceof String copy)) {
      throw new IllegalArgumentException(file + ": $.manifest.workload.file: expected the "
          + "workload file the run measured (this results file has none: made before workload "
          + "files, or by a workload written in Java)");
    }
    return parse(file + "#manifest.workload.file", copy);
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
    Fields f = new Fields(source, "$", root).only(KEYS);
    long format = f.whole("workload_format");
    if (format != FORMAT) {
      throw f.bad("workload_format", "format " + FORMAT + ", got " + format);
    }
    List<EdgeSpec> edges = new ArrayList<>();
    List<Object> rawEdges = f.list("edges");
    for (int i = 0; i < rawEdges.size(); i++) {
      edges.add(edge(new Fields(source, "$.edges[" + i + "]", rawEdges.get(i)).only(EDGE_KEYS),
          i));
    }
    return new WorkloadFile(source, f.text("name"), f.optionalText("description").orElse(""),
        f.texts("states"), f.text("initial"), f.text("terminal"), f.text("failed"),
        (int) f.whole("max_failures"), edges, f.texts("schema"), f.text("seed"),
        f.optionalObject("write").map(WorkloadFile::write), f.optionalText("audit_table"),
        integrity(f.object("integrity")), text);
  }

  private static EdgeSpec edge(Fields e, int i) {
    return new EdgeSpec(e.text("from"), e.text("to"), e.flag("calls_api"),
        e.optionalText("failure_to"), e.optionalText("hook").orElse("edge" + i),
        e.has("latency") ? Optional.of(latency(e)) : Optional.empty(),
        e.optionalObject("write").map(WorkloadFile::write),
        e.optionalObject("failure_write").map(WorkloadFile::write));
  }

  private static WriteSql write(Fields w) {
    w.only(WRITE_KEYS);
    return new WriteSql(w.optionalText("select"), w.text("check"),
        w.has("statements") ? w.texts("statements") : List.of());
  }

  private static Integrity integrity(Fields i) {
    i.only(Set.of("states", "invariants"));
    List<Invariant> out = new ArrayList<>();
    if (i.has("invariants")) {
      List<Object> raw = i.list("invariants");
      for (int k = 0; k < raw.size(); k++) {
        Fields v = new Fields(i.source(), i.path() + ".invariants[" + k + "]", raw.get(k))
            .only(Set.of("name", "violations"));
        out.add(new Invariant(v.text("name"), v.text("violations")));
      }
    }
    return new Integrity(i.text("states"), out);
  }

  /** An edge's latency: a profile's name, or {@code {"median_ms": 5, "sigma": 0.25}}. */
  private static LatencyProfile latency(Fields e) {
    Object v = e.get("latency");
    try {
      if (v instanceof String s) {
        return LatencyProfile.named(s);
      }
      Fields l = e.object("latency").only(Set.of("median_ms", "sigma"));
      double median = l.number("median_ms");
      if (median <= 0) {
        throw l.bad("median_ms", "a latency > 0 ms (an edge without a call sets no latency), "
            + "got " + median);
      }
      return new LatencyProfile("edge-" + e.text("from").toLowerCase(java.util.Locale.ROOT),
          median, l.number("sigma"));
    } catch (IllegalArgumentException ex) {
      if (ex.getMessage().startsWith(e.source() + ":")) {
        throw ex;
      }
      throw e.bad("latency", "zero, fast, realistic or {\"median_ms\": MS, \"sigma\": S} ("
          + ex.getMessage() + ")");
    }
  }

  /** The write of a transition along {@code edge}; {@code failure} when its call failed. */
  public WriteSql writeOf(EdgeSpec edge, boolean failure) {
    Optional<WriteSql> own = failure ? edge.failureWrite().or(edge::write) : edge.write();
    return own.or(this::write).orElseThrow(() -> new IllegalStateException(source
        + ": edge " + edge.from() + " -> " + edge.to() + " has no write (check the file first)"));
  }

  /** The SHA-256 of the file's text (UTF-8), as lower-case hex. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** True for the built-in workload (the file shipped in the jar). */
  public boolean isBuiltIn() {
    return text.equals(builtIn().text());
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

    /** Refuses a key this format does not know (a misspelt field would be ignored). */
    Fields only(Set<String> keys) {
      for (Object k : ((Map<?, ?>) node).keySet()) {
        if (!keys.contains(k)) {
          throw new IllegalArgumentException(source + ": " + path + "." + k + ": unknown "
              + "field; expected one of " + String.join(", ", keys.stream().sorted().toList()));
        }
      }
      return this;
    }

    boolean has(String key) {
      return ((Map<?, ?>) node).containsKey(key);
    }

    Object get(String key) {
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
      return has(key) ? Optional.of(text(key)) : Optional.empty();
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

    double number(String key) {
      if (!(get(key) instanceof Number n) || !(n.doubleValue() >= 0)) {
        throw bad(key, "a number >= 0");
      }
      return n.doubleValue();
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

    Optional<Fields> optionalObject(String key) {
      return has(key) ? Optional.of(object(key)) : Optional.empty();
    }
  }
}
