package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SweepSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook sweep}: one results file of kind sweep, a table per strategy. */
class SweepCommandTest {

  @TempDir
  Path data;

  @Test
  void concurrencySweepOverTwoStrategiesWritesSixConfigs() throws Exception {
    Cli.Result r = Cli.small("sweep", "--vary", "concurrency=1,2,4", "--strategy",
        "per-worker,shared-connection", "--files", "30", "--data-dir", data.toString())
        .assertCode(ExitCode.OK);

    Path json = Cli.only(data, ".json");
    Cli.only(data, ".rows.csv.gz");
    assertEquals(2, Cli.names(data).size(), () -> "no temp files: " + data);
    LoadedRun run = ResultsReader.read(json, ResultsReader.RowsMode.LOAD);
    RunFile f = run.run();
    assertEquals("sweep", f.kind());
    SweepSpec spec = f.sweep().orElseThrow();
    assertEquals("concurrency", spec.parameter());
    assertEquals(List.of("1", "2", "4"), spec.values());
    for (Map.Entry<String, String> knee : spec.knees().entrySet()) {
      assertTrue(List.of("per-worker", "shared-connection").contains(knee.getKey()),
          knee::toString);
      assertTrue(spec.values().contains(knee.getValue()), knee::toString);
    }

    List<ConfigResult> configs = f.allConfigs();
    assertEquals(6, configs.size());
    assertEquals(List.of("c1-zero", "c2-zero", "c4-zero", "c1-zero-shared-connection",
        "c2-zero-shared-connection", "c4-zero-shared-connection"),
        configs.stream().map(ConfigResult::id).collect(Collectors.toList()));
    for (ConfigResult c : configs) {
      assertEquals(30L * 4, c.transitions(), c.id());
    }
    RunCommandTest.assertRowInvariants(run.rows().orElseThrow());

    String out = r.out();
    assertTrue(("\n" + out).contains("\nper-worker\n----------\n")
        && out.contains("\nshared-connection\n-----------------\n"), r::describe);
    assertEquals(2, out.lines().filter(l -> l.startsWith("concurrency  ")).count(),
        r::describe);
    assertEquals(2, out.lines().filter(l -> l.startsWith("Knee at ") || l.startsWith("No knee"))
        .count(), r::describe);
    assertTrue(out.contains(json.toString()), r::describe);
  }
}
