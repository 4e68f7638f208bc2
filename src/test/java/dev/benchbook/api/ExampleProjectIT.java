package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project of docs/WORKLOADS.md, {@code examples/my-workload}, is a user's own
 * Maven project: it compiles offline against benchbook installed as a library (the thin jar
 * and pom that {@code mvn install} puts into the local repository, here a private one that
 * borrows every other artifact from the real one), then runs and measures its workload. Runs
 * after {@code package} (failsafe).
 */
class ExampleProjectIT {

  private static final Path EXAMPLE = Path.of("examples", "my-workload").toAbsolutePath();
  private static final String VERSION = "0.1.0";
  private static final Path THIN_JAR = Path.of("target", "benchbook-" + VERSION + ".jar")
      .toAbsolutePath();
  private static final Path FAT_JAR = Path.of("target", "benchbook.jar").toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void theExampleProjectCompilesAgainstTheInstalledJarAndRuns() throws Exception {
    assertTrue(Files.isRegularFile(THIN_JAR), THIN_JAR + " missing: this runs after package");
    Path repo = localRepository(tmp.resolve("m2"));
    Path project = tmp.resolve("my-workload");
    copyTree(EXAMPLE, project);
    Result build = run(project, List.of(maven(), "-o", "-q", "-B",
        "-Dmaven.repo.local=" + repo, "compile"));
    assertEquals(0, build.exit(), "offline build of the example failed:\n" + build.output());
    Result measured = run(tmp, List.of(javaBinary(), "-cp", project.resolve("target/classes")
        + java.io.File.pathSeparator + FAT_JAR, "example.HotCounter"));
    assertEquals(0, measured.exit(), measured.output());
    for (String expected : List.of("c1-zero", "c4-zero", "db_total_ms", "lock_wait_ms")) {
      assertTrue(measured.output().contains(expected), "no " + expected + " in:\n"
          + measured.output());
    }
  }

  /**
   * A local repository holding benchbook as {@code mvn install} would (jar and pom under
   * dev/benchbook/benchbook/0.1.0) and, through links, every other artifact of the real one.
   */
  private static Path localRepository(Path repo) throws IOException {
    Path real = Path.of(System.getProperty("maven.repo.local",
        System.getProperty("user.home") + "/.m2/repository"));
    Files.createDirectories(repo.resolve("dev"));
    try (Stream<Path> top = Files.list(real)) {
      for (Path p : top.toList()) {
        if (!p.getFileName().toString().equals("dev")) {
          Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
        }
      }
    }
    if (Files.isDirectory(real.resolve("dev"))) {
      try (Stream<Path> dev = Files.list(real.resolve("dev"))) {
        for (Path p : dev.toList()) {
          if (!p.getFileName().toString().equals("benchbook")) {
            Files.createSymbolicLink(repo.resolve("dev").resolve(p.getFileName().toString()), p);
          }
        }
      }
    }
    Path installed = Files.createDirectories(repo.resolve("dev/benchbook/benchbook/" + VERSION));
    Files.copy(THIN_JAR, installed.resolve("benchbook-" + VERSION + ".jar"));
    Files.copy(Path.of("pom.xml"), installed.resolve("benchbook-" + VERSION + ".pom"));
    return repo;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static String maven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exit, String output) {
  }

  private static Result run(Path dir, List<String> command) throws Exception {
    Path log = Files.createTempFile(dir.getParent() == null ? dir : dir, "out", ".log");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out after 180 s: " + command + "\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
