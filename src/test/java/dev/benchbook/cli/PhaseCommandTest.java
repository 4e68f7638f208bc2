package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook phase}: the contended scenario joins the matrix; the target is explained. */
class PhaseCommandTest {

  @TempDir
  Path tmp;

  @Test
  void scenarioRunsWithTheMatrixAndItsMitigationsKeepItsWorkload() throws Exception {
    Path data = tmp.resolve("data");
    Cli.Result r = Cli.small("phase", "--concurrency", "1", "--files", "12",
        "--scenario-concurrency", "3", "--scenario-profile", "zero", "--scenario-hold-ms", "0.2",
        "--scenario-files", "16", "--target", "c3-zero-hold0.2", "--strategy",
        "shared-connection", "--mitigation-reps", "1", "--data-dir", data.toString())
        .assertCode(ExitCode.OK);
    assertTrue(r.out().contains("Step 1/2: baseline matrix (2 configs)"), r::describe);
    assertTrue(r.out().contains("  chosen by --target: c3-zero-hold0.2: workers spent "),
        r::describe);
    String mitName = Cli.names(data).stream()
        .filter(n -> n.startsWith("results-mitigation-") && n.endsWith(".json")).findFirst()
        .orElseThrow();
    RunFile mit = ResultsReader.read(data.resolve(mitName)).run();
    ConfigResult m = mit.mitigationRun().orElseThrow();
    assertEquals("c3-zero-hold0.2-shared-connection", m.id());
    assertEquals(0.2, m.workload().orElseThrow().holdMs(), 1e-9);
    assertEquals(16, m.workload().orElseThrow().files());
    assertEquals(3, m.fairness().orElseThrow().workers());
    assertEquals("c3-zero-hold0.2", mit.manifest().parameters().get("mitigation_target"));
    assertTrue(r.out().contains("(no report: give --out DIR;"), r::describe);
    try (var reports = java.nio.file.Files.list(Path.of("reports"))) {
      String stem = mitName.substring(0, mitName.length() - ".json".length());
      assertTrue(reports.noneMatch(p -> p.getFileName().toString().startsWith(stem)),
          "a run into another data folder writes nothing to reports/");
    }
  }

  @Test
  void anUnknownTargetIsRefusedBeforeMeasuring() {
    Cli.Result r = Cli.small("phase", "--concurrency", "1", "--target", "c9-nope",
        "--data-dir", tmp.resolve("data").toString()).assertCode(ExitCode.USAGE);
    assertEquals("benchbook: --target: no config 'c9-nope' in this phase; configs: c1-zero, "
        + "c16-fast-hold1", r.firstErrLine());
    assertEquals("", r.out());
  }
}
