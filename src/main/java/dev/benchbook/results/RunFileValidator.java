package dev.benchbook.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.rows.Segment;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Validates a results file's JSON tree against docs/RESULTS-FORMAT.md before binding, with
 * one problem per bad field. Reconstructed files ({@code "reconstructed": true}) may omit
 * what a published summary does not state.
 */
final class RunFileValidator {

  private static final List<String> KINDS = List.of("matrix", "mitigation", "sweep");
  private static final List<String> ORDERED = List.of(
      "min_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms");
  private static final List<String> MACHINE = List.of(
      "jvm", "os", "cpu_model", "sqlite_version", "start_time");

  private final JsonChecks check;
  private final Set<String> configIds = new HashSet<>();
  private boolean measured;

  private RunFileValidator(Path file) {
    this.check = new JsonChecks(file);
  }

  /** Every problem of the tree, in document order; empty when the file is valid. */
  static List<Problem> validate(Path file, JsonNode root) {
    RunFileValidator v = new RunFileValidator(file);
    v.root(root);
    return v.check.problems();
  }

  private void root(JsonNode root) {
    if (!root.isObject()) {
      check.expected("$", "a JSON object", root);
      return;
    }
    if (!schemaVersion(root)) {
      return;
    }
    Optional<String> kind = check.text(root, "$", "kind", true);
    kind.filter(k -> !KINDS.contains(k)).ifPresent(k ->
        check.expected("$.kind", "one of matrix, mitigation, sweep", root.get("kind")));
    measured = !check.bool(root, "$", "reconstructed", false).orElse(false);
    boolean complete = check.bool(root, "$", "complete", measured).orElse(true);
    check.object(root, "$", "manifest", true).ifPresent(m -> manifest(m, complete));
    check.number(root, "$", "ceiling_tx_per_s", measured, 0);
    kind.ifPresent(k -> configsOfKind(root, k, complete));
    comparisons(root);
    check.text(root, "$", "rows_file", false).ifPresent(n -> besideFile("$.rows_file", n));
    check.text(root, "$", "jfr_file", false).ifPresent(n -> besideFile("$.jfr_file", n));
    check.array(root, "$", "profiles", false).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        profile(a.get(i), JsonChecks.index("$.profiles", i));
      }
    });
  }

  private boolean schemaVersion(JsonNode root) {
    JsonNode v = root.path("schema_version");
    if (!v.isIntegralNumber() || v.asLong() != RunFile.SCHEMA_VERSION) {
      check.expected("$.schema_version", RunFile.SCHEMA_VERSION
          + " (the only schema version this build reads)", v);
      return false;
    }
    return true;
  }

  private void manifest(JsonNode m, boolean complete) {
    String p = "$.manifest";
    check.text(m, p, "tool_version", true);
    for (String field : MACHINE) {
      check.text(m, p, field, measured);
    }
    check.text(m, p, "end_time", measured && complete);
    check.integer(m, p, "cores", measured, 1);
    check.text(m, p, "git_commit", false);
    check.bool(m, p, "git_dirty", false);
    check.integer(m, p, "seed", false, Long.MIN_VALUE);
    check.array(m, p, "jvm_args", false);
    check.object(m, p, "pragmas", false);
    check.object(m, p, "parameters", false);
    check.number(m, p, "clock_read_ns", false, 0);
    check.object(m, p, "errors", false);
    check.object(m, p, "workload", false).ifPresent(this::workload);
  }

  /** The manifest's workload: a name, and a file's text whose SHA-256 is the one recorded. */
  private void workload(JsonNode w) {
    String p = "$.manifest.workload";
    check.text(w, p, "name", true);
    check.text(w, p, "source", false);
    check.text(w, p, "java_class", false);
    Optional<String> file = check.text(w, p, "file", false);
    Optional<String> sha = check.text(w, p, "sha256", file.isPresent());
    if (file.isPresent() && sha.isPresent() && !sha.get().equals(sha256(file.get()))) {
      check.expected(p + ".sha256", "the SHA-256 of $.manifest.workload.file ("
          + sha256(file.get()) + "): the file was edited after the run", w.get("sha256"));
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest
          .getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private void configsOfKind(JsonNode root, String kind, boolean complete) {
    boolean mitigation = kind.equals("mitigation");
    check.array(root, "$", "configs", !mitigation).ifPresent(a -> {
      if (a.isEmpty() && !mitigation && complete) {
        check.expected("$.configs", "at least one config", a);
      }
      for (int i = 0; i < a.size(); i++) {
        config(a.get(i), JsonChecks.index("$.configs", i));
      }
    });
    check.object(root, "$", "baseline", mitigation).ifPresent(c -> config(c, "$.baseline"));
    Optional<JsonNode> one = check.object(root, "$", "mitigation_run", false);
    one.ifPresent(c -> config(c, "$.mitigation_run"));
    Optional<JsonNode> many = check.array(root, "$", "mitigation_runs", false);
    many.ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        config(a.get(i), JsonChecks.index("$.mitigation_runs", i));
      }
    });
    if (mitigation && one.isEmpty() && many.map(JsonNode::isEmpty).orElse(true)
        && !root.has("mitigation_run")) {
      check.expected("$.mitigation_run", "the mitigation config (or a non-empty "
          + "mitigation_runs)", root.path("mitigation_run"));
    }
    check.object(root, "$", "sweep", kind.equals("sweep")).ifPresent(s -> {
      check.text(s, "$.sweep", "parameter", true);
      check.array(s, "$.sweep", "values", true).ifPresent(a -> {
        for (int i = 0; i < a.size(); i++) {
          if (!a.get(i).isTextual()) {
            check.expected(JsonChecks.index("$.sweep.values", i), "a string", a.get(i));
          }
        }
      });
      check.object(s, "$.sweep", "knees", false);
    });
  }

  private void config(JsonNode c, String p) {
    if (!c.isObject()) {
      check.expected(p, "a config object", c);
      return;
    }
    check.text(c, p, "id", true).ifPresent(id -> {
      if (!configIds.add(id)) {
        check.problem(JsonChecks.child(p, "id"), "expected a config id unique in this file, "
            + "found \"" + id + "\" again");
      }
    });
    check.integer(c, p, "concurrency", true, 1);
    check.text(c, p, "profile", true);
    check.text(c, p, "strategy", true);
    check.object(c, p, "strategy_options", false);
    check.bool(c, p, "atomic", measured);
    check.integer(c, p, "reps", measured, 1);
    transitions(c, p);
    check.number(c, p, "wall_s", measured, 0);
    check.number(c, p, "transitions_per_s", true, 0);
    check.number(c, p, "pct_of_ceiling", measured, 0);
    check.number(c, p, "ceiling_tx_per_s", false, 0);
    check.object(c, p, "group_commit_ceiling", false).ifPresent(g -> {
      String gp = JsonChecks.child(p, "group_commit_ceiling");
      check.number(g, gp, "transitions_per_s", true, 0);
      check.integer(g, gp, "transitions_per_commit", true, 1);
    });
    check.object(c, p, "open_loop", false).ifPresent(o -> {
      String op = JsonChecks.child(p, "open_loop");
      check.number(o, op, "requested_rate_per_s", true, 0);
      check.number(o, op, "achieved_rate_per_s", true, 0);
      check.text(o, op, "arrivals", true);
      check.number(o, op, "scheduled_rate_per_s", true, 0);
    });
    check.integer(c, p, "conflicts", measured, 0);
    check.integer(c, p, "busy_errors", measured, 0);
    check.bool(c, p, "duration_bounded", measured);
    check.object(c, p, "workload", false).ifPresent(w -> workload(w, p + ".workload"));
    check.object(c, p, "segments", true).ifPresent(s -> segments(s, p + ".segments", true));
    check.object(c, p, "fairness", false).ifPresent(f -> fairness(f, p + ".fairness"));
    check.array(c, p, "repetitions", false).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        rep(a.get(i), JsonChecks.index(p + ".repetitions", i));
      }
    });
  }

  private void transitions(JsonNode c, String p) {
    JsonNode t = c.path("transitions");
    if (t.isIntegralNumber() && t.asLong() == 0) {
      check.expected(p + ".transitions", "at least 1 committed transition (this config is "
          + "empty)", t);
      return;
    }
    check.integer(c, p, "transitions", true, 1);
  }

  private void workload(JsonNode w, String p) {
    check.integer(w, p, "files", true, 1);
    check.text(w, p, "flow", true);
    check.text(w, p, "synchronous", true);
    check.number(w, p, "hold_ms", true, 0);
    check.integer(w, p, "busy_timeout_ms", true, 0);
    check.number(w, p, "failure_probability", true, 0).ifPresent(f -> {
      if (f >= 1) {
        check.expected(p + ".failure_probability", "a probability in [0, 1)",
            w.get("failure_probability"));
      }
    });
    check.object(w, p, "latency", false);
  }

  /** "a, b or c". */
  private static String oneOf(List<String> names) {
    int last = names.size() - 1;
    return last == 0 ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }

  private void segments(JsonNode s, String p, boolean required) {
    if (s.isEmpty() && required) {
      check.expected(p, "at least one segment (this config is empty)", s);
      return;
    }
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      String at = JsonChecks.child(p, e.getKey());
      if (Segment.byKey(e.getKey()).isEmpty()) {
        check.problem(at, "expected a segment named " + oneOf(Segment.keys()) + ", found \""
            + e.getKey() + "\"");
      } else if (!e.getValue().isObject()) {
        check.expected(at, "an object of segment stats", e.getValue());
      } else {
        stats(e.getValue(), at);
      }
    }
  }

  private void stats(JsonNode s, String p) {
    check.integer(s, p, "count", measured, 0);
    check.number(s, p, "mean_ms", measured, 0);
    String previous = null;
    double previousValue = 0;
    for (String field : ORDERED) {
      OptionalDouble v = check.number(s, p, field, measured || field.equals("p95_ms"), 0);
      if (v.isEmpty()) {
        continue;
      }
      if (previous != null && v.getAsDouble() < previousValue) {
        check.problem(JsonChecks.child(p, field), "expected a value >= " + previous + " ("
            + previousValue + "), found " + v.getAsDouble());
      }
      previous = field;
      previousValue = v.getAsDouble();
    }
  }

  private void rep(JsonNode r, String p) {
    if (!r.isObject()) {
      check.expected(p, "a repetition object", r);
      return;
    }
    check.integer(r, p, "rep", true, 0);
    check.integer(r, p, "transitions", true, 0);
    check.number(r, p, "wall_s", true, 0);
    check.number(r, p, "transitions_per_s", true, 0);
    for (String f : List.of("conflicts", "busy_errors", "rolled_back", "files_terminal")) {
      check.integer(r, p, f, true, 0);
    }
    check.bool(r, p, "duration_bounded", true);
    check.integer(r, p, "fork", false, 0);
    check.object(r, p, "segments", false).ifPresent(s -> segments(s, p + ".segments", false));
    check.object(r, p, "fairness", false).ifPresent(f -> fairness(f, p + ".fairness"));
  }

  private void fairness(JsonNode f, String p) {
    check.integer(f, p, "workers", true, 1);
    check.integer(f, p, "min_per_worker", true, 0);
    check.number(f, p, "median_per_worker", true, 0);
    check.integer(f, p, "max_per_worker", true, 0);
    check.number(f, p, "jain_index", true, 0).ifPresent(j -> {
      if (j > 1) {
        check.expected(p + ".jain_index", "a value in [0, 1]", f.get("jain_index"));
      }
    });
    check.integer(f, p, "starved_workers", true, 0);
  }

  private void comparisons(JsonNode root) {
    check.object(root, "$", "comparison", false).ifPresent(c -> comparison(c, "$.comparison"));
    check.array(root, "$", "comparisons", false).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        comparison(a.get(i), JsonChecks.index("$.comparisons", i));
      }
    });
  }

  private void comparison(JsonNode c, String p) {
    if (!c.isObject()) {
      check.expected(p, "a comparison object", c);
      return;
    }
    check.text(c, p, "baseline_config", true);
    check.text(c, p, "mitigation_config", true);
    check.number(c, p, "noise_threshold_pct", true, 0);
    check.number(c, p, "noise_floor_ms", false, 0);
    check.array(c, p, "setup_differences", false);
    check.array(c, p, "segments", true).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        deltaRow(a.get(i), JsonChecks.index(p + ".segments", i));
      }
    });
    check.object(c, p, "throughput", true).ifPresent(t -> {
      String at = p + ".throughput";
      check.number(t, at, "baseline_per_s", true, 0);
      check.number(t, at, "mitigation_per_s", true, 0);
      check.number(t, at, "ratio", true, 0);
      check.object(t, at, "ci", false).ifPresent(i -> interval(i, at + ".ci"));
      verdict(t, at);
    });
  }

  private void deltaRow(JsonNode r, String p) {
    if (!r.isObject()) {
      check.expected(p, "a segment row object", r);
      return;
    }
    check.text(r, p, "segment", true);
    for (String side : List.of("baseline", "mitigation")) {
      check.number(r, p, side + "_p50_ms", false, 0);
      check.number(r, p, side + "_p95_ms", true, 0);
      check.number(r, p, side + "_p99_ms", false, 0);
    }
    check.anyNumber(r, p, "delta_ms", true);
    check.anyNumber(r, p, "delta_pct", true);
    check.object(r, p, "delta_ci_ms", false).ifPresent(i -> interval(i, p + ".delta_ci_ms"));
    verdict(r, p);
  }

  private void interval(JsonNode i, String p) {
    check.anyNumber(i, p, "low", true);
    check.anyNumber(i, p, "high", true);
    check.number(i, p, "level", true, 0);
    check.integer(i, p, "resamples", true, 0);
    check.text(i, p, "method", false);
  }

  private void verdict(JsonNode obj, String p) {
    check.text(obj, p, "verdict", false).ifPresent(v -> {
      if (!List.of("improved", "regressed", "within noise").contains(v)) {
        check.expected(p + ".verdict", "one of improved, regressed, within noise",
            obj.get("verdict"));
      }
    });
  }

  private void profile(JsonNode p, String at) {
    if (!p.isObject()) {
      check.expected(at, "a profile object", p);
      return;
    }
    check.text(p, at, "config", true);
    check.integer(p, at, "samples", true, 0);
    check.object(p, at, "categories", false);
    check.array(p, at, "top_frames", false);
  }

  private void besideFile(String field, String name) {
    if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
      check.expected(field, "a file name beside this file (no folders)",
          com.fasterxml.jackson.databind.node.TextNode.valueOf(name));
    }
  }
}
