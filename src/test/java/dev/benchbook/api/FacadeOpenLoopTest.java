package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.LoadedRun;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The notebook facade's plan builder runs open loop, and shows its rates, table and chart. */
class FacadeOpenLoopTest {

  @Test
  void aRateOnThePlanBuilderRunsOpenLoop() throws Exception {
    Measured m = Benchbook.plan().concurrency(2).profile("zero").files(15).rate(400)
        .arrivals("poisson").run();
    LoadedRun run = Benchbook.asRun(m);
    assertEquals("c2-zero-r400", run.run().configs().get(0).id());
    Table t = Benchbook.openLoop(run);
    assertEquals(1, t.rowCount());
    assertEquals(400.0, t.doubleColumn("requested_per_s").get(0));
    assertEquals("poisson", t.stringColumn("arrivals").get(0));
    assertTrue(t.doubleColumn("achieved_per_s").get(0) > 0);
    assertTrue(t.doubleColumn("response_p99_ms").get(0)
        >= t.doubleColumn("queue_wait_p99_ms").get(0));
    assertEquals("open-loop-latency", Benchbook.openLoopChart(run).name());
    assertEquals(400.0, m.file().manifest().parameters().get("rate_per_s"));
  }

  @Test
  void badRatesAreRefusedByTheBuilder() {
    assertEquals("--rate must be > 0 per second, got -1", assertThrows(
        IllegalArgumentException.class, () -> Benchbook.plan().rate(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Benchbook.plan().rate(2e6));
    assertThrows(IllegalArgumentException.class, () -> Benchbook.plan().arrivals("bursty"));
    assertThrows(IllegalArgumentException.class,
        () -> Benchbook.plan().arrivals("poisson").settings());
  }
}
