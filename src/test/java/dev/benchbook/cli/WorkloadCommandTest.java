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
}
