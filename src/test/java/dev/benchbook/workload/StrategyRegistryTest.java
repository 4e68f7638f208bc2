package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.benchbook.rows.Outcome;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy registry: built-ins, options as text and flags, a plugged-in strategy. */
class StrategyRegistryTest {

  @TempDir
  Path tmp;

  @Test
  void builtInsInOrderWithTheBaselineFirstAndAllMeaningTheAtomicMitigations() {
    assertEquals(List.of("per-worker", "shared-connection", "writer-queue", "backoff",
        "shared-interleaved"), Strategies.names());
    assertEquals(Strategies.BASELINE, Strategies.all().get(0));
    assertEquals(List.of(Strategies.SHARED_CONNECTION, Strategies.WRITER_QUEUE,
        Strategies.BACKOFF), Strategies.mitigations());
    assertFalse(Strategies.SHARED_INTERLEAVED.atomic());
  }

  @Test
  void recordedOptionsAreTheOnesResultsAlwaysCarried() {
    assertEquals(Map.of("busy_handler", "sqlite-ladder"), StrategySpec.named("per-worker")
        .recorded());
    assertEquals(Map.of("fair", false), StrategySpec.named("shared-connection").recorded());
    assertEquals(Map.of("batch_max", 128, "batch_wait_us", 0L),
        StrategySpec.named("writer-queue").recorded());
    assertEquals(Map.of("busy_handler", "jittered-exponential", "backoff_min_us", 20L,
        "backoff_max_us", 2000L), StrategySpec.named("backoff").recorded());
    assertEquals(Map.of("atomic", false), StrategySpec.named("shared-interleaved").recorded());
  }

  @Test
  void optionsComeFromFlagsThenFromTheTextAndRoundTrip() {
    Map<String, String> flags = Map.of("batch-max", "32", "fair", "true");
    StrategySpec flagged = StrategySpec.parse("writer-queue", flags, 9);
    assertEquals(new WriterQueueStrategy.Options(32, 0), flagged.options());
    StrategySpec inline = StrategySpec.parse("writer-queue:batch-max=64,batch-wait-us=5",
        flags, 9);
    assertEquals(new WriterQueueStrategy.Options(64, 5), inline.options());
    assertEquals("writer-queue:batch-max=64,batch-wait-us=5", inline.text());
    assertEquals(inline, StrategySpec.parse(inline.text(), Map.of(), 9));
    assertEquals(new SharedConnectionStrategy.Options(true),
        StrategySpec.parse("shared-connection", flags, 9).options());
    assertEquals("per-worker", StrategySpec.parse("per-worker", flags, 9).text());
  }

  @Test
  void badNamesKeysAndValuesAreOneClearLine() {
    assertEquals("unknown strategy 'magic'; expected one of per-worker, shared-connection, "
        + "writer-queue, backoff, shared-interleaved", assertThrows(
            IllegalArgumentException.class, () -> StrategySpec.parse("magic")).getMessage());
    assertEquals("strategy writer-queue has no option 'fair'; options: batch-max, "
        + "batch-wait-us", assertThrows(IllegalArgumentException.class,
            () -> StrategySpec.parse("writer-queue:fair=true")).getMessage());
    assertEquals("strategy per-worker has no option 'x'; it takes none", assertThrows(
        IllegalArgumentException.class, () -> StrategySpec.parse("per-worker:x=1")).getMessage());
    assertEquals("batch-max must be a whole number in [1, 100000], got '0'", assertThrows(
        IllegalArgumentException.class, () -> StrategySpec.parse("writer-queue:batch-max=0"))
        .getMessage());
    assertEquals("--batch-max must be a whole number in [1, 100000], got 'x'", assertThrows(
        IllegalArgumentException.class,
        () -> StrategySpec.checkFlags(Map.of("batch-max", "x"))).getMessage());
    assertEquals("strategy backoff: options look like key=value, got 'fast'", assertThrows(
        IllegalArgumentException.class, () -> StrategySpec.parse("backoff:fast")).getMessage());
  }

  @Test
  void aUsersOwnStrategyPlugsInAsAServiceAndOpensLikeABuiltIn() throws Exception {
    Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
    Files.writeString(services.resolve(Strategy.class.getName()),
        PluggedStrategy.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
        getClass().getClassLoader())) {
      List<Strategy> all = Strategies.load(loader);
      assertEquals(6, all.size());
      Strategy plugged = all.get(5);
      assertEquals("plugged", plugged.name());
      assertEquals(Map.of("knob", 7L), plugged.defaults().with(Map.of("knob", "7")).recorded());
      try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 2);
          ConnectionStrategy s = new StrategySpec(plugged, plugged.defaults(), 1).create(db, 0);
          WriteChannel ch = s.open(0)) {
        TransitionWrite w = Writes.of(0, "PENDING", "UPLOADING", 0);
        ch.apply(w);
        assertEquals(Outcome.COMMITTED, w.result);
      }
    }
  }
}
