package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked run killed with SIGKILL leaves no orphan: its child JVM stops when the parent is
 * gone (and removes its databases), and the parent's fork folder, named after its pid, is
 * removed by the next run.
 */
class ForkOrphanTest {

  @TempDir
  Path dir;

  private static List<String> names(Path folder, String prefix) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
    }
  }

  @Test
  void aForkWhoseParentIsKilledStopsAndTheNextRunRemovesTheFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
        "dev.benchbook.cli.Main", "run", "--files", "100000", "--concurrency", "10", "--profile",
        "zero", "--reps", "1", "--forks", "2", "--no-warmup", "--data-dir",
        dir.resolve("data").toString(), "--no-report", "-q"));
    Process parent = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("parent.log").toFile()).start();
    List<ProcessHandle> children = List.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (children.isEmpty() && parent.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      children = parent.descendants().filter(p -> p.info().command().orElse("")
          .endsWith("java")).toList();
    }
    assertFalse(children.isEmpty(), () -> "no fork child started: "
        + read(dir.resolve("parent.log")));
    Thread.sleep(500);
    parent.destroyForcibly();
    assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
    for (ProcessHandle child : children) {
      child.onExit().get(15, TimeUnit.SECONDS);
      assertFalse(child.isAlive(), "the fork outlived its killed parent");
    }
    assertEquals(List.of(), names(tmp, "benchbook-db-pid"), "the fork removed its databases");
    List<String> left = names(tmp, Forks.PREFIX);
    assertEquals(1, left.size(), "the killed parent's fork folder: " + left);
    assertTrue(left.get(0).startsWith(Forks.PREFIX + parent.pid() + "-"), left.get(0));
    assertEquals(1, Forks.removeStale(tmp));
    assertEquals(List.of(), names(tmp, Forks.PREFIX));
  }

  @Test
  void aLiveOwnersForkFolderIsKept() throws Exception {
    Path mine = Files.createDirectory(dir.resolve(Forks.PREFIX + ProcessHandle.current().pid()
        + "-1"));
    assertEquals(0, Forks.removeStale(dir));
    assertTrue(Files.isDirectory(mine));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
