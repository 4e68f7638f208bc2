package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
