package dev.benchbook.results;

import java.util.Optional;

/**
 * The workload a run measured, in its manifest: a workload file's name, its content as it was
 * read and that content's SHA-256 (so that the run can be repeated from the results file alone),
 * or for a workload written in Java its name and class.
 *
 * @param name workload name
 * @param sha256 SHA-256 of {@code file} (UTF-8), lower-case hex
 * @param source where the file was read from ({@code jar:/workloads/upload-index.json} for the
 *     built-in one)
 * @param file the workload file's text
 * @param javaClass the class of a workload written in Java
 */
public record WorkloadSource(String name, Optional<String> sha256, Optional<String> source,
    Optional<String> file, Optional<String> javaClass) {

  /** Normalises absent optionals and checks the name. */
  public WorkloadSource {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a workload's name must not be blank");
    }
    sha256 = sha256 == null ? Optional.empty() : sha256;
    source = source == null ? Optional.empty() : source;
    file = file == null ? Optional.empty() : file;
    javaClass = javaClass == null ? Optional.empty() : javaClass;
  }

  /** A workload file's record. */
  public static WorkloadSource ofFile(String name, String sha256, String source, String text) {
    return new WorkloadSource(name, Optional.of(sha256), Optional.of(source), Optional.of(text),
        Optional.empty());
  }

  /** A Java workload's record. */
  public static WorkloadSource ofClass(String name, String className) {
    return new WorkloadSource(name, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(className));
  }

  /**
   * One line naming the workload: its name, where it came from (built-in, the file's path or
   * the Java class) and the first 12 digits of its hash, e.g.
   * {@code job-queue (workloads/job-queue.json, sha256 4f0c2a9e1b7d)}.
   */
  public String label() {
    String from = javaClass.map(c -> "Java class " + c)
        .or(() -> source.map(s -> s.startsWith("jar:") ? "built-in" : s)).orElse("");
    String hash = sha256.map(h -> "sha256 " + h.substring(0, Math.min(12, h.length())))
        .orElse("");
    String detail = String.join(", ", java.util.stream.Stream.of(from, hash)
        .filter(t -> !t.isEmpty()).toList());
    return name + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
