package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.ConfigProfile;
import dev.benchbook.results.JfrSamples.Sample;
import dev.benchbook.runtime.Profiler.PassWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereTimeWentTest {

  @Test
  void stacksFallIntoTheirCategories() {
    assertEquals("native SQLite", WhereTimeWent.category(List.of(
        "org.sqlite.core.NativeDB.step", "org.sqlite.jdbc3.JDBC3PreparedStatement.execute")));
    assertEquals("JDBC driver", WhereTimeWent.category(List.of(
        "org.sqlite.jdbc3.JDBC3PreparedStatement.executeUpdate")));
    assertEquals("our code", WhereTimeWent.category(List.of(
        "dev.benchbook.workload.TransactionSql.write")));
    assertEquals("JDK and other", WhereTimeWent.category(List.of("java.util.HashMap.get")));
    assertEquals("waiting for the lock", WhereTimeWent.category(List.of(
        "java.lang.Thread.sleep", "dev.benchbook.workload.LadderBusyHandler.callback")));
    assertEquals("simulated API call", WhereTimeWent.category(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.parkNanos",
        "dev.benchbook.workload.Pause.ns", "dev.benchbook.runtime.Worker.transition")));
    assertEquals("held work", WhereTimeWent.category(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.parkNanos",
        "dev.benchbook.workload.Pause.ns", "dev.benchbook.workload.TransactionSql.hold")));
  }

  @Test
  void samplesCountForThePassWhoseWindowHoldsThemAndOnlyOnBenchmarkThreads() {
    Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
    List<PassWindow> windows = List.of(
        new PassWindow("a", 0, t0, t0.plusSeconds(1)),
        new PassWindow("b", 0, t0.plusSeconds(2), t0.plusSeconds(3)));
    List<String> sql = List.of("org.sqlite.core.NativeDB.step");
    List<String> ours = List.of("dev.benchbook.runtime.Worker.run");
    List<Sample> samples = List.of(
        new Sample(t0.plusMillis(100), "bench-a-w0", true, sql),
        new Sample(t0.plusMillis(200), "bench-a-w1", false, ours),
        new Sample(t0.plusMillis(300), "bench-a-w1", true, sql),
        new Sample(t0.plusMillis(400), "main", false, ours),
        new Sample(t0.plusMillis(1500), "bench-a-w0", true, sql),
        new Sample(t0.plusMillis(2500), "benchbook-writer", true, sql));
    List<ConfigProfile> p = WhereTimeWent.summarize(samples, windows, List.of("a", "b", "c"));
    assertEquals(2, p.size());
    assertEquals("a", p.get(0).config());
    assertEquals(3, p.get(0).samples());
    assertEquals(2L, p.get(0).categories().get("native SQLite"));
    assertEquals(1L, p.get(0).categories().get("our code"));
    assertEquals(new ConfigProfile.FrameSamples("org.sqlite.core.NativeDB.step",
        "native SQLite", 2), p.get(0).topFrames().get(0));
    assertEquals(1, p.get(1).samples());
  }
}
