package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs the benchbook CLI in a separate JVM, as another process would. */
final class ChildJvm {

  private ChildJvm() {
  }

  /** Starts {@code benchbook args...} in a new JVM; stdout and stderr go to files in dir. */
  static Process start(Path dir, String name, String... args) throws IOException {
    return start(dir, name, List.of(), args);
  }

  /** As {@link #start(Path, String, String...)}, with extra JVM options (e.g. a locale). */
  static Process start(Path dir, String name, List<String> jvmOptions, String... args)
      throws IOException {
    return startMain(dir, name, "dev.benchbook.cli.Main", jvmOptions, args);
  }

  /** Starts {@code mainClass} (on the test class path) in a new JVM, as above. */
  static Process startMain(Path dir, String name, String mainClass, List<String> jvmOptions,
      String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile()).start();
  }

  /** What the child wrote on stderr. */
  static String err(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name + ".err"));
  }
}
