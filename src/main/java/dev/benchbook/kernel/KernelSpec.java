package dev.benchbook.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.benchbook.results.Json;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Jupyter kernelspec ({@code kernel.json}): the command Jupyter runs, with
 * {@code {connection_file}} where the connection file's path goes.
 *
 * @param argv the kernel's command line
 * @param displayName the name Jupyter shows in its kernel menu
 * @param language the kernel's language
 * @param interruptMode {@code message}: Jupyter sends interrupt requests instead of SIGINT
 * @param metadata {@code benchbook_version} marks a spec this command wrote
 */
public record KernelSpec(List<String> argv, String displayName, String language,
    String interruptMode, Map<String, Object> metadata) {

  /** The JVM flags for short analysis sessions: C1 only, serial GC, class data sharing. */
  public static final List<String> JVM_FLAGS = List.of("-Djava.awt.headless=true",
      "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  /** The metadata key that marks a kernelspec written by benchbook. */
  public static final String MARKER = "benchbook_version";

  /** The spec that runs {@link KernelMain} with this JVM and the given class path. */
  public static KernelSpec forClassPath(Path java, List<Path> classPath, String version) {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(JVM_FLAGS);
    argv.add("-cp");
    argv.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    argv.add(KernelMain.class.getName());
    argv.add("{connection_file}");
    return new KernelSpec(List.copyOf(argv), "Java (benchbook " + version + ")", "java",
        "message", Map.of(MARKER, version));
  }

  /** True when benchbook wrote this spec. */
  public boolean writtenByBenchbook() {
    return metadata != null && metadata.containsKey(MARKER);
  }

  /** The spec as kernel.json text. */
  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("kernel.json not writable as JSON", e);
    }
  }

  /** Parses kernel.json text; empty when it is not a kernelspec. */
  public static Optional<KernelSpec> parse(String json) {
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, KernelSpec.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
