package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.Contention;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characterization of the phase: how it chooses the config to mitigate, what it records in
 * the manifests and the shape of its report (pinned before the phase became a library call).
 */
class PhaseCharacterizationTest {

  @TempDir
  Path tmp;

  @Test
  void theCommittedPhaseMitigatedTheConfigTheRuleChoosesFromItsMatrix() {
    RunFile matrix = ResultsReader.read(Path.of("data/results-20261129-131740.json")).run();
    RunFile mitigation = ResultsReader.read(
        Path.of("data/results-mitigation-20261129-131850.json")).run();
    ConfigResult target = Contention.mitigationTarget(matrix.configs());
    assertEquals("c16-fast-hold1", target.id());
    assertEquals(target.id(), mitigation.manifest().parameters().get("mitigation_target"));
    assertEquals(target.id(), mitigation.baseline().orElseThrow().id());
  }

  @Test
  void aSmallPhaseChoosesByTheRuleRecordsItsParametersAndWritesItsReport() throws Exception {
    Path data = tmp.resolve("data");
    Path reports = tmp.resolve("reports");
    Cli.Result r = Cli.small("phase", "--concurrency", "1,2", "--files", "12",
        "--scenario-concurrency", "3", "--scenario-profile", "zero", "--scenario-hold-ms", "0.2",
        "--scenario-files", "16", "--strategy", "shared-connection", "--forks", "1",
        "--mitigation-reps", "1", "--data-dir", data.toString(), "--out", reports.toString())
        .assertCode(ExitCode.OK);
    List<String> names = Cli.names(data);
    RunFile matrix = ResultsReader.read(data.resolve(names.stream()
        .filter(n -> n.matches("results-\\d{8}-\\d{6}\\.json")).findFirst().orElseThrow())).run();
    Path mitJson = data.resolve(names.stream()
        .filter(n -> n.startsWith("results-mitigation-") && n.endsWith(".json")).findFirst()
        .orElseThrow());
    RunFile mit = ResultsReader.read(mitJson).run();
    assertEquals(List.of("c1-zero", "c2-zero", "c3-zero-hold0.2"),
        matrix.configs().stream().map(ConfigResult::id).toList());
    ConfigResult target = Contention.mitigationTarget(matrix.configs());
    assertTrue(r.out().contains("Step 2/2: mitigations [shared-connection] on " + target.id()
        + ", 1 repetitions\n  chosen as the most contended config: " + Contention.why(target)),
        r::describe);
    assertEquals(target.id(), mit.baseline().orElseThrow().id());
    assertEquals(target.id() + "-shared-connection", mit.mitigationRun().orElseThrow().id());

    Map<String, Object> common = new TreeMap<>(Map.ofEntries(Map.entry("backoff_max_us", 2000),
        Map.entry("backoff_min_us", 20), Map.entry("batch_max", 128),
        Map.entry("batch_wait_us", 0), Map.entry("busy_timeout_ms", 5000),
        Map.entry("ceiling_probe_s", 1.5), Map.entry("duration_s", 20.0),
        Map.entry("failure_probability", 0.0), Map.entry("fair", false),
        Map.entry("forks", 1), Map.entry("jfr", false), Map.entry("reps", 1),
        Map.entry("scenario", "c3-zero-hold0.2"), Map.entry("scenario_files", 16),
        Map.entry("scenario_hold_ms", 0.2), Map.entry("seed", 20260222),
        Map.entry("synchronous", "NORMAL"), Map.entry("warmup", false),
        Map.entry("warmup_bound_s", 1.0), Map.entry("warmup_jit_quiet_pct", 10.0),
        Map.entry("warmup_max_rounds",
            dev.benchbook.runtime.MatrixRunner.WARMUP_MAX_ROUNDS)));
    Map<String, Object> matrixParams = new TreeMap<>(common);
    matrixParams.put("files", 12);
    matrixParams.put("hold_ms", 0.0);
    assertEquals(matrixParams.toString(), new TreeMap<>(matrix.manifest().parameters())
        .toString());
    Map<String, Object> mitParams = new TreeMap<>(common);
    boolean scenario = target.id().equals("c3-zero-hold0.2");
    mitParams.put("files", scenario ? 16 : 12);
    mitParams.put("hold_ms", scenario ? 0.2 : 0.0);
    mitParams.put("mitigation_target", target.id());
    assertEquals(mitParams.toString(), new TreeMap<>(mit.manifest().parameters()).toString());

    String stem = mitJson.getFileName().toString().replace(".json", "");
    Path readme = reports.resolve(stem).resolve("README.md");
    assertTrue(r.out().trim().endsWith("Phase report: " + readme), r::describe);
    List<String> headings = Files.readAllLines(readme).stream()
        .filter(l -> l.startsWith("## ")).toList();
    assertEquals(List.of("## Performance", "## Benchmark Results: Before vs After",
        "## Contention and fairness",
        "## Machine and build", "## Charts", "## Sources"), headings);
    assertTrue(Files.readString(readme).contains(target.id() + "-shared-connection"));
  }
}
