package dev.benchbook.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Command lines for a child JVM like this one (forks, the notebook refresh, the kernel spec):
 * the same java binary and class path, with a chosen subset of this JVM's flags.
 */
public final class JavaProcess {

  private JavaProcess() {
  }

  /** The java launcher of the running JVM, absolute. */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
  }

  /** This JVM's own flags (its input arguments) that {@code keep} accepts, in order. */
  public static List<String> flags(Predicate<String> keep) {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(keep)
        .toList();
  }

  /** {@code java FLAGS -cp <this class path> MAIN ARGS}. */
  public static List<String> command(List<String> flags, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java().toString());
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(args);
    return cmd;
  }
}
