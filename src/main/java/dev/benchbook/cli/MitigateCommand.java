package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.CeilingText;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.format.Document;
import dev.benchbook.format.Format;
import dev.benchbook.report.Insights;
import dev.benchbook.report.Rankings;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.Strategies;
import java.io.PrintWriter;
import java.util.ArrayList;
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

  /**
   * Forks of a comparison by default: 4 fresh JVMs of one repetition each, which keeps
   * {@code phase} near its 3-minute budget (docs/PERFORMANCE.md, Step 9).
   */
  static final int DEFAULT_FORKS = 4;

  @Spec
  CommandSpec spec;

  @Option(names = "--strategy", split = StrategyChoices.SPLIT, splitSynopsisLabel = ",",
      paramLabel = "NAME[:KEY=V,...]",
      completionCandidates = StrategyChoices.Mitigations.class,
      converter = StrategyChoices.CheckedMitigation.class,
      description = "Mitigations: ${COMPLETION-CANDIDATES}; 'all' is every atomic one (a NOT "
          + "ATOMIC one runs only when named); options as writer-queue:batch-max=64 "
          + "(default: ${DEFAULT-VALUE}).")
  List<String> strategies = new ArrayList<>(List.of(Strategies.SHARED_CONNECTION.name()));

  @Option(names = "--noise-threshold-pct", paramLabel = "PCT", description = "Changes below this are within noise (default: ${DEFAULT-VALUE}).")
  double noiseThresholdPct = CompareOptions.DEFAULT_NOISE_THRESHOLD_PCT;

  @Mixin
  PointOptions point;

  @Mixin
  OutputOptions output;

  @Mixin
  WorkloadOptions workload;

  MitigateCommand() {
  }

  @Override
  public Integer call() throws Exception {
    workload.compareDefaults(spec.commandLine().getParseResult().hasMatchedOption("--reps"),
        DEFAULT_FORKS, 5);
    workload.validate();
    List<String> names = StrategyChoices.resolve(strategies);
    RunPlan plan = workload.plan(configs(names));
    CompareOptions options = CompareOptions.defaults().withSeed(workload.seed)
        .withNoiseThresholdPct(noiseThresholdPct);
    Measured measured = Runs.measure(plan, workload, "mitigate", spec.commandLine().getErr(),
        Summary.mitigation(options));
    print(measured, spec.commandLine().getOut());
    Runs.writeAndPrint(measured, workload, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private List<BenchConfig> configs(List<String> names) {
    point.validate();
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(workload.config(point.concurrency, point.profile, Strategies.BASELINE.name()));
    for (String n : names) {
      configs.add(workload.config(point.concurrency, point.profile, n));
    }
    return configs;
  }

  private void print(Measured measured, PrintWriter out) {
    List<Comparison> all = measured.file().allComparisons();
    Document.Builder doc = Document.builder();
    if (all.size() > 1) {
      doc.table(ComparisonTable.summary(all));
    }
    for (Comparison c : all) {
      doc.heading(2, c.mitigationConfig() + " vs " + c.baselineConfig());
      doc.append(ComparisonTable.document(c));
    }
    out.println(output.render(doc.build()));
    List<ConfigResult> mitigations = new ArrayList<>(measured.file().allConfigs());
    if (mitigations.size() > 2) {
      out.println(Rankings.markdown(mitigations, measured.file().allComparisons()));
    }
    Insights.atomicityWarning(mitigations).ifPresent(w -> out.println(w + "\n"));
    measured.file().ceilingTxPerS().ifPresent(c -> out.printf(java.util.Locale.US,
        "Ceiling probe: %,.0f tx/s (one connection, one transaction per transition%s)%n", c,
        CeilingText.shape(measured.file()).startsWith("same") ? ""
            : "; " + CeilingText.shape(measured.file())));
    CeilingText.groupCommit(measured.file()).ifPresent(g -> out.println("Group-commit probe: "
        + g + "\n"));
    out.flush();
  }
}
