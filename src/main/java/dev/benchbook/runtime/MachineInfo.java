package dev.benchbook.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine and build a run happened on, collected once at the start of a run.
 *
 * @param toolVersion benchbook version
 * @param gitCommit commit of the checkout benchbook runs from, when it is a git repository
 * @param gitDirty whether that checkout had uncommitted changes to tracked files
 * @param jvm JVM name, vendor and version
 * @param jvmArgs JVM input arguments
 * @param os OS name, version and architecture
 * @param cpuModel CPU model from /proc/cpuinfo, when readable
 * @param cores available processors
 * @param sqliteVersion SQLite library version
 * @param clockReadNs measured cost of one clock read, ns (see {@link ClockCost})
 */
public record MachineInfo(String toolVersion, Optional<String> gitCommit,
    Optional<Boolean> gitDirty, String jvm, List<String> jvmArgs, String os,
    Optional<String> cpuModel, int cores, String sqliteVersion, double clockReadNs) {

  /** benchbook's version, from the jar manifest or the build's default. */
  public static final String TOOL_VERSION = Optional.ofNullable(
      MachineInfo.class.getPackage().getImplementationVersion()).orElse("0.1.0");

  /** Collects the facts of this machine and process. */
  public static MachineInfo collect() {
    Optional<String> commit = git("rev-parse", "HEAD");
    Optional<Boolean> dirty = commit.isPresent()
        ? git("status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank())
        : Optional.empty();
    String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.vendor")
        + " " + System.getProperty("java.runtime.version");
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
    Optional<String> cpu = readCpuModel().or(() -> Optional.of("unknown "
        + System.getProperty("os.arch") + " CPU (no model name in /proc/cpuinfo)"));
    return new MachineInfo(TOOL_VERSION, commit, dirty, jvm,
        ManagementFactory.getRuntimeMXBean().getInputArguments(), os, cpu,
        Runtime.getRuntime().availableProcessors(), readSqliteVersion(), ClockCost.measureNs());
  }

  /** The commit of the checkout benchbook runs from, when it is a git repository. */
  public static Optional<String> checkoutCommit() {
    return git("rev-parse", "HEAD");
  }

  /** Whether that checkout has uncommitted changes to tracked files (empty: not a checkout). */
  public static Optional<Boolean> checkoutDirty() {
    return checkoutCommit().isPresent()
        ? git("status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank())
        : Optional.empty();
  }

  /** SQLite's version as linked into sqlite-jdbc. */
  public static String readSqliteVersion() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT sqlite_version()")) {
      r.next();
      return r.getString(1);
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static Optional<String> readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The checkout benchbook was built from: two levels above target/classes or the jar. */
  private static String checkoutDir() {
    try {
      Path code = Path.of(MachineInfo.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      Path target = code.getParent();
      return target != null && target.getParent() != null ? target.getParent().toString() : ".";
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return ".";
    }
  }

  private static Optional<String> git(String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = checkoutDir();
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(out, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
