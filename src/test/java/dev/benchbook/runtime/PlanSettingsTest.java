package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.benchbook.workload.WriterQueueStrategy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one plan builder: configs, the plan and the manifest's parameters from one place. */
class PlanSettingsTest {

  @Test
  void defaultsRecordTheParametersEveryCommittedRunCarries() {
    Map<String, Object> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("backoff_max_us", 2000L), Map.entry("backoff_min_us", 20L),
        Map.entry("batch_max", 128), Map.entry("batch_wait_us", 0L),
        Map.entry("busy_timeout_ms", 5000L), Map.entry("ceiling_probe_s", 1.5),
        Map.entry("duration_s", 20.0), Map.entry("failure_probability", 0.0),
        Map.entry("fair", false), Map.entry("files", 818), Map.entry("forks", 1),
        Map.entry("hold_ms", 0.0), Map.entry("jfr", false), Map.entry("reps", 1),
        Map.entry("seed", 20260222L), Map.entry("synchronous", "NORMAL"),
        Map.entry("warmup", true), Map.entry("warmup_bound_s", 1.0),
        Map.entry("warmup_jit_quiet_pct", 10.0),
        Map.entry("warmup_max_rounds", MatrixRunner.WARMUP_MAX_ROUNDS)));
    assertEquals(expected, new TreeMap<>(PlanSettings.builder().build().parameters()));
  }

  @Test
  void strategyFlagsReachTheStrategiesThatHaveThemAndTheManifest() {
    PlanSettings s = PlanSettings.builder().strategyFlag("batch-max", "64").files(10).reps(2)
        .forks(3).extra("scenario", "none").build();
    List<BenchConfig> configs = s.matrix(List.of(1, 4), List.of("zero"), "writer-queue");
    assertEquals(List.of("c1-zero-writer-queue", "c4-zero-writer-queue"),
        configs.stream().map(BenchConfig::id).toList());
    assertEquals(new WriterQueueStrategy.Options(64, 0), configs.get(0).strategy().options());
    assertEquals(10, configs.get(1).files());
    assertEquals(64, s.parameters().get("batch_max"));
    assertEquals("none", s.parameters().get("scenario"));
    RunPlan plan = s.plan(configs);
    assertEquals(2, plan.reps());
    assertEquals(3, plan.forks());
    assertEquals(6, plan.totalReps());
    assertEquals(s, s.toBuilder().build());
  }

  @Test
  void badSettingsNameTheirFlag() {
    assertEquals("--files must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> PlanSettings.builder().files(0).build()).getMessage());
    assertEquals("--synchronous must be NORMAL or FULL, got OFF", assertThrows(
        IllegalArgumentException.class, () -> PlanSettings.builder().synchronous("OFF").build())
        .getMessage());
    assertEquals("--backoff-min-us must be a whole number in [1, 60000000], got '0'",
        assertThrows(IllegalArgumentException.class,
            () -> PlanSettings.builder().strategyFlag("backoff-min-us", "0").build())
        .getMessage());
  }
}
