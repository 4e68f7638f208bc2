package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.Manifest;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SweepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sweep report's headline names the knees in one order, whatever order they were built in:
 * regenerated reports must be byte-identical across JVM runs, and an immutable map's iteration
 * order changes from one JVM run to the next.
 */
class SweepHeadlineTest {

  @ParameterizedTest(name = "reversed={0}")
  @ValueSource(booleans = {false, true})
  void kneesAreNamedInStrategyOrder(boolean reversed) {
    Map<String, String> knees = new LinkedHashMap<>();
    List<String> strategies = List.of("backoff", "per-worker", "shared-connection",
        "writer-queue");
    for (int i = 0; i < strategies.size(); i++) {
      int k = reversed ? strategies.size() - 1 - i : i;
      knees.put(strategies.get(k), Integer.toString(1 << k));
    }
    assertEquals("Sweep of concurrency; knees: {backoff=1, per-worker=2, shared-connection=4, "
        + "writer-queue=8}", ReportContent.headlineOf(new dev.benchbook.results.LoadedRun(
        java.nio.file.Path.of("results-sweep.json"), sweep(knees), java.util.Optional.empty())));
  }

  private static RunFile sweep(Map<String, String> knees) {
    Manifest manifest = new Manifest("0.1.0", null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
    SweepSpec spec = new SweepSpec("concurrency", List.of("1", "2", "4", "8"), knees);
    return new RunFile(RunFile.SCHEMA_VERSION, "sweep", false, manifest, null, null, null, null,
        null, null, null, Optional.of(spec), null, true);
  }
}
