package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook workload check}: the built-in file is valid; a bad file is exit 3. */
class WorkloadCommandTest {

  @TempDir
  Path tmp;

  @Test
  void theBuiltInIsValidAndABadFileIsOneLinePerProblemWithExit3() throws Exception {
    Cli.Result ok = Cli.run("workload", "check").assertCode(ExitCode.OK);
    assertTrue(ok.out().contains("workload upload-index is valid: 6 states, 4 edges"),
        ok::describe);
    String text = new String(getClass().getResourceAsStream("/workloads/upload-index.json")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    Path bad = Files.writeString(tmp.resolve("bad.json"), text
        .replace("\"terminal\": \"INDEXED\"", "\"terminal\": \"DONE\"")
        .replace("version = :version\"", "version = :v\""));
    Cli.Result r = Cli.run("workload", "check", bad.toString()).assertCode(ExitCode.BAD_INPUT)
        .assertNoStackTrace();
    assertEquals(2, r.errLines().size(), r::describe);
    assertTrue(r.errLines().get(0).endsWith("$.terminal: unknown state 'DONE'; states: PENDING, "
        + "UPLOADING, UPLOADED, PROCESSING, INDEXED, FAILED"), r::describe);
    assertTrue(r.errLines().get(1).contains("$.write.check: no parameter :v;"), r::describe);
    Cli.run("workload", "check", tmp.resolve("none.json").toString())
        .assertCode(ExitCode.BAD_INPUT).assertOneErrorLine("none.json: no such file");
  }

  @Test
  void everyMeasuringCommandChecksItsWorkloadFileBeforeAnythingRuns() throws Exception {
    String text = Files.readString(Path.of("workloads/job-queue.json"));
    Path bad = Files.writeString(tmp.resolve("bad-queue.json"), text
        .replace("\"calls_api\": true, \"failure_to\": \"QUEUED\"",
            "\"calls_api\": true, \"failure_to\": \"QUEUD\"")
        .replace("WHERE id = :job AND state = 'QUEUED'", "WHERE id = :jobs AND state = 'QUEUED'"));
    Path data = tmp.resolve("data");
    for (String command : new String[] {"run", "mitigate", "sweep", "phase", "calibrate"}) {
      java.util.List<String> list = new java.util.ArrayList<>(java.util.List.of(command,
          "--workload", bad.toString(), "-q"));
      if (!command.equals("calibrate")) {
        list.addAll(java.util.List.of("--data-dir", data.toString()));
      }
      if (command.equals("sweep")) {
        list.addAll(java.util.List.of("--vary", "concurrency=1,2"));
      }
      String[] args = list.toArray(String[]::new);
      Cli.Result r = Cli.run(args).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace();
      assertEquals(2, r.errLines().size(), r::describe);
      assertTrue(r.errLines().get(0).endsWith("bad-queue.json: $.edges[2].failure_to: unknown "
          + "state 'QUEUD'; states: QUEUED, LEASED, RENEWED, DONE, DEAD"), r::describe);
      assertTrue(r.errLines().get(1).endsWith("bad-queue.json: $.edges[0].write.check: no "
          + "parameter :jobs; parameters: :failures, :file_id, :from_state, :job, :now_ms, "
          + ":to_state, :version, :worker"), r::describe);
      args[2] = tmp.resolve("none.json").toString();
      Cli.run(args).assertCode(ExitCode.BAD_INPUT)
          .assertOneErrorLine("none.json: no such workload file");
    }
    assertTrue(!Files.exists(data), "nothing ran, nothing was written");
  }
}
