package dev.benchbook.report;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.workload.GroupCommitCeiling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence about the group-commit probe: its figure per group size and, for each config
 * measured against it, its share of it beside its multiple of the per-transaction probe.
 * Files without the probe (older files, runs with no batching strategy) have no sentence.
 */
public final class CeilingText {

  private CeilingText() {
  }

  /**
   * What the ceiling probe ran, for "(one connection, ...)": the built-in workload's
   * transaction whatever the run's workload, so a workload file's run says so.
   */
  public static String shape(RunFile f) {
    boolean builtIn = f.manifest().workload().map(w -> w.source().filter(s -> s.startsWith(
        "jar:")).isPresent()).orElse(true);
    return builtIn ? "same transaction shape"
        : "the built-in upload-index transaction's shape, not this workload's";
  }

  /**
   * The sentence (to follow a "Group-commit probe:" label), or empty when no config of the file
   * has a group-commit ceiling.
   */
  public static Optional<String> groupCommit(RunFile f) {
    Map<Integer, Double> bySize = new LinkedHashMap<>();
    List<String> configs = new ArrayList<>();
    for (ConfigResult c : f.allConfigs()) {
      if (c.groupCommitCeiling().isEmpty()) {
        continue;
      }
      GroupCommitCeiling g = c.groupCommitCeiling().get();
      bySize.putIfAbsent(g.transitionsPerCommit(), g.transitionsPerS());
      configs.add(configLine(c));
    }
    if (bySize.isEmpty()) {
      return Optional.empty();
    }
    List<String> figures = new ArrayList<>();
    bySize.forEach((size, perS) -> figures.add(String.format(Locale.US,
        "%,.0f transitions/s at %d per commit", perS, size)));
    return Optional.of(String.join(", ", figures) + " (one thread, "
        + "the same statements batched, no hand-off); the % of ceiling of a batching strategy "
        + "is of this probe: " + String.join("; ", configs));
  }

  private static String configLine(ConfigResult c) {
    String pct = c.pctOfCeiling() == null ? "-"
        : String.format(Locale.ROOT, "%.1f%% of it", c.pctOfCeiling());
    return c.id() + " " + pct + c.timesPerTransactionCeiling().map(x -> String.format(
        Locale.ROOT, ", %.1fx the per-transaction probe", x)).orElse("");
  }
}
