package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.TinyTmpfs;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.runtime.PlanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phase as a library call: what a notebook runs in one line. */
class PhaseTest {

  @TempDir
  Path tmp;

  @Test
  void aSmallPhaseRunsFromTheFacadeAndMitigatesTheRulesChoice() throws Exception {
    PhaseSpec spec = PhaseSpec.standard(tmp.resolve("data"), tmp.resolve("reports"))
        .withSettings(PlanSettings.builder().files(10).warmup(false).build())
        .withMatrix(List.of(1, 2), List.of("zero"))
        .withScenario(Optional.of(new PhaseSpec.Scenario(3, "zero", 0.2, 12)))
        .withMitigations(List.of("writer-queue:batch-max=4"), 1, 1);
    Phase.Result r = Benchbook.phase(spec);
    RunFile matrix = ResultsReader.read(r.matrix().files().json()).run();
    assertEquals(List.of("c1-zero", "c2-zero", "c3-zero-hold0.2"),
        matrix.configs().stream().map(ConfigResult::id).toList());
    assertEquals(Phase.target(matrix.configs(), Optional.empty()).id(), r.target().id());
    RunFile mit = ResultsReader.read(r.mitigation().files().json()).run();
    assertEquals(r.target().id() + "-writer-queue", mit.mitigationRun().orElseThrow().id());
    assertEquals(4, mit.mitigationRun().orElseThrow().strategyOptions().get("batch_max"));
    assertEquals(r.target().id(), mit.manifest().parameters().get("mitigation_target"));
    assertEquals("c3-zero-hold0.2", mit.manifest().parameters().get("scenario"));
    assertTrue(Files.isRegularFile(r.mitigation().report().orElseThrow()));
    assertTrue(Files.isRegularFile(tmp.resolve("reports/README.md")), "reports index");
  }

  @Test
  void theTargetIsTheOneNamedElseTheRulesAndAnUnknownOneIsRefusedBeforeMeasuring() {
    RunFile matrix = ResultsReader.read(Path.of("data/results-20261129-131740.json")).run();
    assertEquals("c16-fast-hold1", Phase.target(matrix.configs(), Optional.empty()).id());
    assertEquals("c1-zero", Phase.target(matrix.configs(), Optional.of("c1-zero")).id());
    PhaseSpec spec = PhaseSpec.standard(tmp.resolve("data"), tmp.resolve("reports"))
        .withTarget("c9-nope");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Phase.run(spec));
    assertTrue(e.getMessage().startsWith("--target: no config 'c9-nope' in this phase; configs: "
        + "c1-zero, c1-fast"), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("data")), "nothing written");
  }

  @Test
  void aPhaseIntoAFullDataFolderIsRefusedBeforeMeasuring() throws Exception {
    try (TinyTmpfs full = TinyTmpfs.under(tmp)) {
      Path mount = full.path();
      PhaseSpec spec = PhaseSpec.standard(mount, tmp.resolve("reports"));
      long t0 = System.nanoTime();
      java.io.IOException e = assertThrows(java.io.IOException.class, () -> Phase.run(spec));
      assertTrue(e.getMessage().startsWith("data folder " + mount + ": 200 KB free, this run "
          + "writes about"), e.getMessage());
      assertTrue(e.getMessage().endsWith("(nothing was measured)"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "refused up front");
      try (var files = Files.list(mount)) {
        assertEquals(List.of(), files.toList());
      }
    }
  }
}
