package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.api.Summary;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C: a cancelled run throws, writes nothing and removes its temporary databases. */
class CancelTest {

  static final String DB_PREFIX = "benchbook-db-";

  @TempDir
  Path tmp;

  /**
   * Runs {@code plan} and cancels it from another thread as soon as it reports measuring
   * progress; asserts the run ends with an {@link InterruptedException}.
   */
  static void runCancelledWhileMeasuring(RunPlan plan, RunControl control) throws Exception {
    CountDownLatch measuring = new CountDownLatch(1);
    ProgressListener listener = new ProgressListener() {
      @Override
      public void passProgress(String configId, int rep, long transitionsDone) {
        measuring.countDown();
      }
    };
    Thread canceller = new Thread(() -> {
      try {
        if (measuring.await(120, TimeUnit.SECONDS)) {
          control.cancel();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "test-canceller");
    canceller.start();
    try {
      assertThrows(InterruptedException.class,
          () -> Benchbook.run(plan, Map.of(), control, listener, Summary.matrix()));
    } finally {
      measuring.countDown();
      canceller.join();
    }
  }

  @Test
  void cancellingFromAnotherThreadStopsTheRunAndRemovesItsDatabases() throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    BenchConfig slow = new BenchConfig("c2-fast", 2, LatencyProfile.named("fast"),
        StrategySpec.named("per-worker"), 5000, SqliteSettings.defaults(), 0, 0.0,
        Duration.ofMinutes(5));
    RunPlan plan = new RunPlan(List.of(slow), 1, 42, false, Duration.ofSeconds(1),
        Duration.ofMillis(100), temp, List.of());
    RunControl control = new RunControl();
    runCancelledWhileMeasuring(plan, control);
    assertTrue(control.userCancelled());
    assertEquals(List.of(), Cli.names(temp), "temporary databases removed");
    assertEquals(List.of(), Cli.names(data), "nothing written");
  }

  /**
   * The CLI path, in a child JVM: SIGINT once the run has created its first database ends the
   * process with 130 (the JVM's 128 + SIGINT, after our shutdown hook cleaned up), one
   * {@code benchbook: cancelled} line, no files in the data dir and no temporary databases.
   * Where SIGINT is ignored by inheritance (background jobs of a non-interactive shell), SIGTERM
   * takes the same shutdown-hook path and ends with 143.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void signalStopsTheCliCleanly() throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    Path data = tmp.resolve("data");
    Path err = tmp.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Djava.io.tmpdir=" + temp,
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--profile", "fast", "--concurrency", "2", "--files",
        "5000", "--duration", "5m", "--no-warmup", "-q", "--data-dir", data.toString());
    pb.redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(err.toFile());
    boolean sigintIgnored = sigintIgnored();
    Process p = pb.start();
    try {
      awaitFirstDatabase(p, temp);
      signal(p, sigintIgnored ? "TERM" : "INT");
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process did not stop after the signal");
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(sigintIgnored ? 143 : ExitCode.CANCELLED, p.exitValue(), stderr);
      assertEquals(List.of("benchbook: cancelled; no results written, temporary databases "
          + "removed"), stderr.lines().collect(Collectors.toList()), "one line, no stack trace");
      assertEquals(List.of(), Cli.names(data), "nothing written to the data dir");
      assertEquals(List.of(), databases(temp), "temporary databases removed");
    } finally {
      p.destroyForcibly();
    }
  }

  private static void awaitFirstDatabase(Process p, Path temp) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (databases(temp).isEmpty()) {
      assertTrue(p.isAlive(), "the run ended before it was cancelled");
      assertTrue(System.nanoTime() < deadline, "no temporary database appeared");
      Thread.sleep(20);
    }
  }

  private static List<String> databases(Path temp) throws IOException {
    return Cli.names(temp).stream().filter(n -> n.startsWith(DB_PREFIX))
        .collect(Collectors.toList());
  }

  private static void signal(Process p, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid()))
        .inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + name);
  }

  /** True when this JVM inherited an ignored SIGINT, which its children would inherit too. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    Optional<String> mask = Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("SigIgn:")).map(l -> l.substring(7).trim()).findFirst();
    return mask.map(m -> (Long.parseUnsignedLong(m, 16) & 0x2) != 0).orElse(false);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
