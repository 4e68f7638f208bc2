package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workload files: the built-in FSM as the shipped file, and every validation problem. */
class WorkloadFileTest {

  private static String builtInText() throws IOException {
    try (InputStream in = WorkloadFile.class.getResourceAsStream(WorkloadFile.BUILT_IN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> problems(String from, String to) throws IOException {
    String text = builtInText();
    if (!text.contains(from)) {
      throw new AssertionError("test edit not found: " + from);
    }
    return WorkloadCheck.problems(WorkloadFile.parse("w.json", text.replace(from, to)));
  }

  @Test
  void theBuiltInFlowIsTheShippedFileAndChecksClean() {
    WorkloadFile w = WorkloadFile.builtIn();
    assertEquals(List.of(), WorkloadCheck.problems(w));
    Flow f = Flow.standard();
    assertEquals("upload-index", f.name());
    assertEquals(List.of("PENDING", "UPLOADING", "UPLOADED", "PROCESSING", "INDEXED", "FAILED"),
        f.states());
    assertEquals(List.of(new Edge(0, 1, false, -1, "claim"), new Edge(1, 2, true, 0, "upload"),
        new Edge(2, 3, false, -1, "enqueue"), new Edge(3, 4, true, 2, "index")), f.edges());
    assertEquals(List.of(0, 4, 5, 3, 4), List.of(f.initial(), f.terminal(), f.failed(),
        f.maxFailures(), f.happyPathLength()));
    assertEquals(Map.of("name", "upload-index", "states", f.states(), "max_failures", 3),
        f.describe());
    assertEquals(java.util.Optional.of("transitions"), w.auditTable());
  }

  @Test
  void flowProblemsAreOneLineEachNamingThePath() throws IOException {
    assertEquals(List.of("w.json: $.edges[1].to: unknown state 'UPLODED'; states: PENDING, "
        + "UPLOADING, UPLOADED, PROCESSING, INDEXED, FAILED"),
        problems("\"to\": \"UPLOADED\", \"calls_api\"", "\"to\": \"UPLODED\", \"calls_api\""));
    assertEquals(List.of("w.json: $.edges[3].from: an edge out of the terminal state INDEXED"),
        problems("{\"from\": \"PROCESSING\", \"to\": \"INDEXED\"",
            "{\"from\": \"INDEXED\", \"to\": \"PROCESSING\""));
    assertEquals(List.of("w.json: $.edges[2]: a second edge out of UPLOADING (each state has "
        + "one forward edge; failures take failure_to)"),
        problems("{\"from\": \"UPLOADED\", \"to\": \"PROCESSING\"",
            "{\"from\": \"UPLOADING\", \"to\": \"PROCESSING\""));
    assertEquals(List.of("w.json: $.edges: the forward edges loop at PENDING with no retry "
        + "limit; INDEXED is never reached"),
        problems("{\"from\": \"UPLOADED\", \"to\": \"PROCESSING\"",
            "{\"from\": \"UPLOADED\", \"to\": \"PENDING\""));
    assertEquals(List.of("w.json: $.terminal: the terminal state INDEXED cannot be reached from "
        + "PENDING: no edge out of UPLOADED"),
        problems("{\"from\": \"UPLOADED\", \"to\": \"PROCESSING\", \"hook\": \"enqueue\"},", ""));
    assertEquals(List.of("w.json: $.max_failures: a failure edge makes a cycle: max_failures "
        + "must be >= 1, got 0"), problems("\"max_failures\": 3", "\"max_failures\": 0"));
  }

  @Test
  void sqlProblemsNameTheStatementAndTheParameter() throws IOException {
    assertEquals(List.of("w.json: $.write.check: no parameter :to; parameters: :failures, "
        + ":file_id, :from_state, :now_ms, :to_state, :version, :worker"),
        problems("SET state = :to_state,", "SET state = :to,"));
    List<String> p = problems("INSERT INTO transitions (file_id,", "INSERT INTO transition (file_id,");
    assertEquals(1, p.size(), p::toString);
    assertEquals(true, p.get(0).startsWith("w.json: $.write.statements[0]: SQL error: ")
        && p.get(0).contains("no such table: transition"), p.get(0));
  }

  @Test
  void badJsonAndMissingFieldsAreOneLine() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkloadFile.parse("w.json", "{\n  \"name\": \"x\",,\n}"));
    assertEquals("w.json: line 2, column 15: expected a quoted key", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.parse("w.json",
        builtInText().replace("\"initial\": \"PENDING\",", "")));
    assertEquals("w.json: $.initial: expected a value (it is missing)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.parse("w.json",
        builtInText().replace("\"workload_format\": 1", "\"workload_format\": 2")));
    assertEquals("w.json: $.workload_format: expected format 1, got 2", e.getMessage());
  }

  private static List<String> queueProblems(String from, String to) throws IOException {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(
        "workloads/job-queue.json"));
    if (!text.contains(from)) {
      throw new AssertionError("test edit not found: " + from);
    }
    return WorkloadCheck.problems(WorkloadFile.parse("q.json", text.replace(from, to)));
  }

  @Test
  void theExampleWorkloadsCheckClean() throws IOException {
    for (String f : List.of("workloads/job-queue.json", "workloads/ledger.json")) {
      WorkloadFile w = WorkloadFile.read(java.nio.file.Path.of(f));
      assertEquals(List.of(), WorkloadCheck.problems(w), f);
    }
  }

  @Test
  void everyFurtherProblemIsOneLine() throws IOException {
    assertEquals(List.of("w.json: $.states[6]: state 'PENDING' is listed twice"),
        problems("\"INDEXED\", \"FAILED\"]", "\"INDEXED\", \"FAILED\", \"PENDING\"]"));
    assertEquals(List.of("w.json: $.failed: the failed state must differ from the terminal "
        + "state", "w.json: $.states[5]: state FAILED has no edge out and is neither the "
        + "terminal nor the failed state"), problems("\"failed\": \"FAILED\"",
        "\"failed\": \"INDEXED\""));
    assertEquals(List.of("w.json: $.edges[0].failure_to: only an edge that calls the API can "
        + "fail"), problems("\"to\": \"UPLOADING\", \"hook\"",
        "\"to\": \"UPLOADING\", \"failure_to\": \"PENDING\", \"hook\""));
    assertEquals(List.of("w.json: $.edges[0].latency: only an edge that calls the API has a "
        + "latency"), problems("\"to\": \"UPLOADING\", \"hook\"",
        "\"to\": \"UPLOADING\", \"latency\": \"fast\", \"hook\""));
    assertEquals(List.of("q.json: $.edges[0].failure_write: only an edge with failure_to can "
        + "fail"), queueProblems("\"hook\": \"claim\",", "\"hook\": \"claim\", "
        + "\"failure_write\": {\"check\": \"UPDATE jobs SET owner = NULL\"},"));
    assertEquals(List.of("q.json: $.edges[0].write.select: column 'worker' shadows the "
        + "parameter :worker"), queueProblems("SELECT id AS job FROM jobs WHERE state = "
        + "'QUEUED'", "SELECT id AS job, owner AS worker FROM jobs WHERE state = 'QUEUED'"));
    List<String> unnamed = queueProblems("SELECT id AS job FROM jobs WHERE state = 'QUEUED'",
        "SELECT id + 1 FROM jobs WHERE state = 'QUEUED'");
    assertEquals(List.of("q.json: $.edges[0].write.select: column 'id + 1' cannot be a "
        + "parameter name; name it with AS", "q.json: $.edges[0].write.check: no parameter :job;"
        + " parameters: :failures, :file_id, :from_state, :now_ms, :to_state, :version, "
        + ":worker"), unnamed.subList(0, 2));
    assertEquals(3, unnamed.size(), "and the statement that uses :job");
    assertEquals(List.of("q.json: $.integrity.states: expected a query of 2 columns (id, "
        + "state), got 1"), queueProblems("SELECT id, state FROM jobs\"", "SELECT id FROM jobs\""));
    List<String> p = queueProblems("FROM jobs WHERE state = 'DONE' AND (owner",
        "FROM job WHERE state = 'DONE' AND (owner");
    assertEquals(1, p.size(), p::toString);
    assertTrue(p.get(0).startsWith("q.json: $.integrity.invariants[1].violations: SQL error: ")
        && p.get(0).contains("no such table: job"), p.get(0));
    String noWrite = java.nio.file.Files.readString(java.nio.file.Path.of(
        "workloads/ledger.json"));
    noWrite = noWrite.substring(0, noWrite.indexOf("\"write\": {")) + "\"hook_note\": 1"
        + noWrite.substring(noWrite.indexOf("\n    }\n  ],"));
    String unknown = noWrite;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkloadFile.parse("l.json", unknown));
    assertEquals("l.json: $.edges[0].hook_note: unknown field; expected one of calls_api, "
        + "failure_to, failure_write, from, hook, latency, to, write", e.getMessage());
  }

  @Test
  void aFlowOfMoreStatesThanRawRowsKeepIsAProblem() throws IOException {
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < 122; i++) {
      more.append(", \"S").append(i).append('"');
    }
    List<String> p = problems("\"INDEXED\", \"FAILED\"]", "\"INDEXED\", \"FAILED\"" + more
        + "]");
    assertEquals("w.json: $.states: at most 127 states (raw rows keep a state in a byte), got "
        + "128", p.get(0));
    assertEquals("w.json: $.states[6]: state S0 has no edge out and is neither the terminal "
        + "nor the failed state", p.get(1));
    assertEquals(1 + 122, p.size());
  }

  @Test
  void anEdgeWithoutAnyWriteIsAProblem() throws IOException {
    String text = builtInText();
    String noTop = text.substring(0, text.indexOf("  \"write\": {")) + text.substring(
        text.indexOf("  \"audit_table\""));
    assertEquals(List.of("w.json: $.edges[0].write: expected the edge's write (the file has no "
        + "top-level write for every edge)", "w.json: $.edges[1].write: expected the edge's "
        + "write (the file has no top-level write for every edge)", "w.json: $.edges[2].write: "
        + "expected the edge's write (the file has no top-level write for every edge)",
        "w.json: $.edges[3].write: expected the edge's write (the file has no top-level write "
        + "for every edge)"), WorkloadCheck.problems(WorkloadFile.parse("w.json", noTop)));
  }

  @Test
  void aResultsFileGivesBackTheWorkloadItsManifestCopied() throws IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wl");
    String queue = java.nio.file.Files.readString(java.nio.file.Path.of(
        "workloads/job-queue.json"));
    String quoted = queue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    java.nio.file.Path results = java.nio.file.Files.writeString(dir.resolve("r.json"),
        "{\"schema_version\": 1, \"manifest\": {\"workload\": {\"name\": \"job-queue\", "
        + "\"file\": \"" + quoted + "\"}}}");
    WorkloadFile w = WorkloadFile.load(results);
    assertEquals(WorkloadFile.read(java.nio.file.Path.of("workloads/job-queue.json")).sha256(),
        w.sha256());
    assertEquals(results + "#manifest.workload.file", w.source());
    java.nio.file.Path old = java.nio.file.Files.writeString(dir.resolve("old.json"),
        "{\"schema_version\": 1, \"manifest\": {}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkloadFile.load(old));
    assertTrue(e.getMessage().startsWith(old + ": $.manifest.workload.file: expected the "
        + "workload file the run measured"), e.getMessage());
  }
}
