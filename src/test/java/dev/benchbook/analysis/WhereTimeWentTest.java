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
  }

  @Test
  void waitsFallIntoWhatTheThreadWaitedFor() {
    assertEquals("waiting for the lock", WhereTimeWent.waitCategory(List.of(
        "java.lang.Thread.sleep", "dev.benchbook.workload.LadderBusyHandler.callback",
        "org.sqlite.core.NativeDB.step")));
    assertEquals("waiting for the lock", WhereTimeWent.waitCategory(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.park",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire")));
    assertEquals("simulated API call", WhereTimeWent.waitCategory(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.parkNanos",
        "dev.benchbook.workload.Pause.ns", "dev.benchbook.runtime.Worker.transition")));
    assertEquals("held work", WhereTimeWent.waitCategory(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.parkNanos",
        "dev.benchbook.workload.Pause.ns", "dev.benchbook.workload.TransactionSql.hold")));
    assertEquals("writer idle", WhereTimeWent.waitCategory(List.of(
        "jdk.internal.misc.Unsafe.park", "java.util.concurrent.LinkedBlockingQueue.take",
        "dev.benchbook.workload.WriterQueueStrategy.writeLoop")));
    assertEquals("other waits", WhereTimeWent.waitCategory(List.of(
        "java.lang.Object.wait", "java.lang.Thread.join")));
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
        new Sample(t0.plusMillis(2500), "benchbook-writer", true, sql),
        new Sample(t0.plusMillis(600), "bench-a-w0", false, List.of("java.lang.Thread.sleep",
            "dev.benchbook.workload.LadderBusyHandler.callback"), 3_000_000));
    List<ConfigProfile> p = WhereTimeWent.summarize(samples, windows, List.of("a", "b", "c"));
    assertEquals(2, p.size());
    assertEquals("a", p.get(0).config());
    assertEquals(3, p.get(0).samples());
    assertEquals(2L, p.get(0).categories().get("native SQLite"));
    assertEquals(1L, p.get(0).categories().get("our code"));
    assertEquals(new ConfigProfile.FrameSamples("org.sqlite.core.NativeDB.step",
        "native SQLite", 2), p.get(0).topFrames().get(0));
    assertEquals(3.0, p.get(0).waitedMs().get("waiting for the lock"), 1e-12);
    assertEquals(0.0, p.get(0).waitedMs().get("simulated API call"), 1e-12);
    assertEquals(1, p.get(1).samples());
  }
}
