package dev.benchbook.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to reproduce a run and to judge where its numbers came from.
 *
 * @param toolVersion benchbook version
 * @param gitCommit commit of the working tree, when known
 * @param gitDirty whether the working tree had uncommitted changes
 * @param jvm JVM name, vendor and version
 * @param jvmArgs JVM input arguments
 * @param os operating system name, version and architecture
 * @param cpuModel CPU model name
 * @param cores available processors
 * @param sqliteVersion SQLite library version
 * @param pragmas PRAGMAs applied to every connection
 * @param parameters every run parameter, as given or defaulted
 * @param seed RNG seed
 * @param startTime ISO-8601 start instant
 * @param endTime ISO-8601 end instant
 * @param note free text, e.g. how a reconstructed file was made
 * @param clockReadNs measured cost of one {@code System.nanoTime()} read on this machine and
 *     JVM, ns (median over batches; absent in older files): the scale below which no timing
 *     difference is resolvable, used for the comparison's absolute noise floor
 * @param workload the workload measured: its file's text and SHA-256 (absent in older files)
 * @param errors what the rows' error column's codes mean: code (as text) -> the SQLite error or
 *     exception class it stands for; absent when nothing failed in the workload's code
 */
public record Manifest(
    String toolVersion,
    Optional<String> gitCommit,
    Optional<Boolean> gitDirty,
    Optional<String> jvm,
    List<String> jvmArgs,
    Optional<String> os,
    Optional<String> cpuModel,
    Optional<Integer> cores,
    Optional<String> sqliteVersion,
    Map<String, String> pragmas,
    Map<String, Object> parameters,
    Optional<Long> seed,
    Optional<String> startTime,
    Optional<String> endTime,
    Optional<String> note,
    Optional<Double> clockReadNs,
    Optional<WorkloadSource> workload,
    Optional<Map<String, String>> errors) {

  /** Normalises absent collections and optionals. */
  public Manifest {
    gitCommit = gitCommit == null ? Optional.empty() : gitCommit;
    gitDirty = gitDirty == null ? Optional.empty() : gitDirty;
    jvm = jvm == null ? Optional.empty() : jvm;
    jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    os = os == null ? Optional.empty() : os;
    cpuModel = cpuModel == null ? Optional.empty() : cpuModel;
    cores = cores == null ? Optional.empty() : cores;
    sqliteVersion = sqliteVersion == null ? Optional.empty() : sqliteVersion;
    pragmas = pragmas == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pragmas));
    parameters = parameters == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    seed = seed == null ? Optional.empty() : seed;
    startTime = startTime == null ? Optional.empty() : startTime;
    endTime = endTime == null ? Optional.empty() : endTime;
    note = note == null ? Optional.empty() : note;
    clockReadNs = clockReadNs == null ? Optional.empty() : clockReadNs;
    workload = workload == null ? Optional.empty() : workload;
    errors = errors == null ? Optional.empty() : errors.filter(m -> !m.isEmpty())
        .map(m -> java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m)));
  }

  /** A manifest without an error dictionary (nothing failed in the workload's code). */
  public Manifest(String toolVersion, Optional<String> gitCommit, Optional<Boolean> gitDirty,
      Optional<String> jvm, List<String> jvmArgs, Optional<String> os, Optional<String> cpuModel,
      Optional<Integer> cores, Optional<String> sqliteVersion, Map<String, String> pragmas,
      Map<String, Object> parameters, Optional<Long> seed, Optional<String> startTime,
      Optional<String> endTime, Optional<String> note, Optional<Double> clockReadNs,
      Optional<WorkloadSource> workload) {
    this(toolVersion, gitCommit, gitDirty, jvm, jvmArgs, os, cpuModel, cores, sqliteVersion,
        pragmas, parameters, seed, startTime, endTime, note, clockReadNs, workload,
        Optional.empty());
  }

  /** A manifest without the workload's record (older files, tests). */
  public Manifest(String toolVersion, Optional<String> gitCommit, Optional<Boolean> gitDirty,
      Optional<String> jvm, List<String> jvmArgs, Optional<String> os, Optional<String> cpuModel,
      Optional<Integer> cores, Optional<String> sqliteVersion, Map<String, String> pragmas,
      Map<String, Object> parameters, Optional<Long> seed, Optional<String> startTime,
      Optional<String> endTime, Optional<String> note, Optional<Double> clockReadNs) {
    this(toolVersion, gitCommit, gitDirty, jvm, jvmArgs, os, cpuModel, cores, sqliteVersion,
        pragmas, parameters, seed, startTime, endTime, note, clockReadNs, Optional.empty(),
        Optional.empty());
  }

  /** A manifest without a clock measurement (reconstructed and older files, tests). */
  public Manifest(String toolVersion, Optional<String> gitCommit, Optional<Boolean> gitDirty,
      Optional<String> jvm, List<String> jvmArgs, Optional<String> os, Optional<String> cpuModel,
      Optional<Integer> cores, Optional<String> sqliteVersion, Map<String, String> pragmas,
      Map<String, Object> parameters, Optional<Long> seed, Optional<String> startTime,
      Optional<String> endTime, Optional<String> note) {
    this(toolVersion, gitCommit, gitDirty, jvm, jvmArgs, os, cpuModel, cores, sqliteVersion,
        pragmas, parameters, seed, startTime, endTime, note, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** The name of an error code of the rows' error column, when this run recorded it. */
  public Optional<String> errorName(int code) {
    return errors.map(m -> m.get(Integer.toString(code)));
  }
}
