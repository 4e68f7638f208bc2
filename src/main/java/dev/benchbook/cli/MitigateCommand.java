package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.CeilingText;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.report.Insights;
import dev.benchbook.report.Rankings;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.StrategySpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook mitigate}: baseline vs mitigation strategies, interleaved repetitions. */
@Command(name = "mitigate", mixinStandardHelpOptions = true,
    description = "Run the baseline and mitigation strategies on one config with interleaved "
        + "repetitions; write data/results-mitigation-<ts>.json with the comparison.")
final class MitigateCommand implements Callable<Integer> {

  /** Mitigation strategies, in the order {@code all} runs them. */
  static final List<String> MITIGATIONS = List.of("shared-connection", "writer-queue", "backoff");
  /**
   * Forks of a comparison by default: 4 fresh JVMs of one repetition each, which keeps
   * {@code phase} near its 3-minute budget (docs/PERFORMANCE.md, Step 9).
   */
  static final int DEFAULT_FORKS = 4;
  /** The seed's non-atomic setup: runs only when named, never as part of {@code all}. */
  static final String INTERLEAVED = "shared-interleaved";

  @Spec
  CommandSpec spec;

  @Option(names = "--strategy", split = ",", paramLabel = "NAME[,NAME...]",
      description = "shared-connection, writer-queue, backoff, all, or shared-interleaved (the seed's NOT ATOMIC setup, only when named) (default: ${DEFAULT-VALUE}).")
  List<String> strategies = new ArrayList<>(List.of("shared-connection"));



  @Option(names = "--noise-threshold-pct", paramLabel = "PCT", description = "Changes below this are within noise (default: ${DEFAULT-VALUE}).")
  double noiseThresholdPct = CompareOptions.DEFAULT_NOISE_THRESHOLD_PCT;

  @Mixin
  PointOptions point;

  @Mixin
  WorkloadOptions workload;

  MitigateCommand() {
  }

  @Override
  public Integer call() throws Exception {
    workload.compareDefaults(spec.commandLine().getParseResult().hasMatchedOption("--reps"),
        DEFAULT_FORKS, 5);
    workload.validate();
    List<String> names = resolve(strategies);
    RunPlan plan = workload.plan(configs(names));
    CompareOptions options = CompareOptions.defaults().withSeed(workload.seed)
        .withNoiseThresholdPct(noiseThresholdPct);
    Measured measured = Runs.measure(plan, workload, "mitigate", spec.commandLine().getErr(),
        Summary.mitigation(options));
    print(measured, spec.commandLine().getOut());
    Runs.writeAndPrint(measured, workload, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** Expands {@code all} and checks names. */
  static List<String> resolve(List<String> requested) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String s : requested) {
      if ("all".equals(s)) {
        names.addAll(MITIGATIONS);
      } else if (MITIGATIONS.contains(s) || INTERLEAVED.equals(s)) {
        names.add(s);
      } else {
        throw new IllegalArgumentException("--strategy must be one of "
            + String.join(", ", MITIGATIONS) + ", " + INTERLEAVED + " (NOT ATOMIC) or all; got '"
            + s + "'");
      }
    }
    return List.copyOf(names);
  }

  private List<BenchConfig> configs(List<String> names) {
    point.validate();
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(workload.config(point.concurrency, point.profile, StrategySpec.baseline().name()));
    for (String n : names) {
      configs.add(workload.config(point.concurrency, point.profile, n));
    }
    return configs;
  }

  private static void print(Measured measured, PrintWriter out) {
    for (Comparison c : measured.file().allComparisons()) {
      out.println("## " + c.mitigationConfig() + " vs " + c.baselineConfig());
      out.println();
      out.println(ComparisonTable.console(c));
    }
    List<ConfigResult> mitigations = new ArrayList<>(measured.file().allConfigs());
    if (mitigations.size() > 2) {
      out.println(Rankings.markdown(mitigations));
    }
    Insights.atomicityWarning(mitigations).ifPresent(w -> out.println(w + "\n"));
    measured.file().ceilingTxPerS().ifPresent(c -> out.printf(java.util.Locale.US,
        "Ceiling probe: %,.0f tx/s (one connection, one transaction per transition)%n", c));
    CeilingText.groupCommit(measured.file()).ifPresent(g -> out.println("Group-commit probe: "
        + g + "\n"));
    out.flush();
  }
}
