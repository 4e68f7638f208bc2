package dev.benchbook.cli;

import dev.benchbook.analysis.AaTally;
import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Comparisons;
import dev.benchbook.analysis.ConfigRows;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.AaTable;
import dev.benchbook.format.Format;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.StrategySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchbook calibrate}: the A/A trial. Compares a config with itself {@code --pairs}
 * times and prints how often a verdict said "improved" or "regressed" although nothing
 * changed, per segment P95 and for the throughput ratio. Writes no files.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "A/A trial: compare one config with itself --pairs times and print the "
        + "false-verdict rate per segment P95 and for the throughput ratio (writes nothing).")
final class CalibrateCommand implements Callable<Integer> {

  /** Added to the seed per pair, so that pairs do not replay the same latencies. */
  static final long PAIR_SEED_STEP = 7_919L;

  @Spec
  CommandSpec spec;

  @Option(names = "--pairs", paramLabel = "N",
      description = "A/A comparisons to make (default: ${DEFAULT-VALUE}).")
  int pairs = 20;

  @Option(names = "--mode", paramLabel = "MODE", description = "interleaved: both sides in one "
      + "run, repetitions interleaved (as mitigate); runs: each side a separate run in its own "
      + "fresh JVM(s), one after the other (as two run commands) (default: ${DEFAULT-VALUE}).")
  String mode = "interleaved";

  @Option(names = "--strategy", paramLabel = "NAME[:KEY=V,...]",
      completionCandidates = StrategyChoices.Names.class,
      converter = StrategyChoices.Checked.class,
      description = "Connection strategy of both sides: ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  String strategy = Strategies.BASELINE.name();

  @Option(names = "--noise-threshold-pct", paramLabel = "PCT",
      description = "Changes below this are within noise (default: ${DEFAULT-VALUE}).")
  double noiseThresholdPct = CompareOptions.DEFAULT_NOISE_THRESHOLD_PCT;

  @Mixin
  PointOptions point;

  @Mixin
  WorkloadOptions workload;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (pairs < 1 || pairs > 1000) {
      throw new IllegalArgumentException("--pairs must be in [1, 1000], got " + pairs);
    }
    if (!"interleaved".equals(mode) && !"runs".equals(mode)) {
      throw new IllegalArgumentException("--mode must be interleaved or runs, got '" + mode
          + "'");
    }
    refuseFileFlags();
    workload.compareDefaults(spec.commandLine().getParseResult().hasMatchedOption("--reps"), 1,
        5);
    workload.validate();
    point.validate();
    PrintWriter out = spec.commandLine().getOut();
    out.println(header());
    out.flush();
    List<Comparison> results = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      Comparison c = "runs".equals(mode) ? acrossRuns(pair) : interleaved(pair);
      results.add(c);
      out.println(pairLine(pair, c));
      out.flush();
    }
    out.println();
    out.println(output.format == Format.MARKDOWN ? AaTable.markdown(AaTally.of(results))
        : output.render(AaTable.table(AaTally.of(results))));
    out.println("Nominal false-verdict rate at the 95% level: 5% (each row, if nothing changed).");
    out.println(results.get(0).intervals());
    out.flush();
    return ExitCode.OK;
  }

  /** The run flags that write or record something mean nothing here: refused, not ignored. */
  private void refuseFileFlags() {
    for (String flag : List.of("--data-dir", "--out", "--no-report", "--jfr")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
        throw new IllegalArgumentException(flag + " does nothing for calibrate, which writes no "
            + "files and keeps no recording; leave it out");
      }
    }
  }

  private String header() {
    return String.format(Locale.ROOT, "A/A calibration: %s, %d pairs, %s; each side %s",
        BenchConfig.standardId(point.concurrency, point.profile, strategy), pairs,
        "runs".equals(mode) ? "each side a separate run in fresh JVMs"
            : "both sides interleaved in one run",
        workload.forks() > 1 ? workload.forks() + " forks x " + workload.reps + " repetition(s)"
            : workload.reps + " repetitions");
  }

  private Comparison interleaved(int pair) throws Exception {
    BenchConfig a = config(BenchConfig.standardId(point.concurrency, point.profile, strategy));
    BenchConfig b = a.withId(a.id() + "-again");
    CompareOptions options = options(pair);
    Measured m = Runs.measure(plan(List.of(a, b), pair), workload, workload.parameters(), task(pair),
        spec.commandLine().getErr(), Summary.mitigation(options), false);
    return m.file().comparison().orElseThrow();
  }

  private Comparison acrossRuns(int pair) throws Exception {
    BenchConfig a = config(BenchConfig.standardId(point.concurrency, point.profile, strategy));
    Measured first = Runs.measure(plan(List.of(a), pair), workload, workload.parameters(),
        task(pair) + " run A",
        spec.commandLine().getErr(), Summary.matrix(), true);
    Measured second = Runs.measure(plan(List.of(a), pair + pairs), workload,
        workload.parameters(), task(pair) + " run B", spec.commandLine().getErr(), Summary.matrix(), true);
    ConfigResult x = first.file().configs().get(0);
    ConfigResult y = second.file().configs().get(0);
    CompareOptions options = options(pair)
        .withRows(ConfigRows.of(first.rows(), a.id()), ConfigRows.of(second.rows(), a.id()))
        .withManifests(first.file().manifest(), second.file().manifest());
    return Comparisons.compare(x, y, options);
  }

  private BenchConfig config(String id) {
    return workload.config(id, point.concurrency, point.profile, strategy, workload.synchronous,
        workload.holdMs);
  }

  private RunPlan plan(List<BenchConfig> configs, int pair) {
    return new RunPlan(configs, workload.reps, workload.seed + pair * PAIR_SEED_STEP,
        !workload.noWarmup, Duration.ofSeconds(1), Duration.ofMillis(200),
        Path.of(System.getProperty("java.io.tmpdir")), List.of(), workload.forks());
  }

  private CompareOptions options(int pair) {
    return CompareOptions.defaults().withSeed(workload.seed + pair)
        .withNoiseThresholdPct(noiseThresholdPct);
  }

  private String task(int pair) {
    return "A/A pair " + (pair + 1) + "/" + pairs;
  }

  private static String pairLine(int pair, Comparison c) {
    StringBuilder sb = new StringBuilder("pair " + (pair + 1) + ":");
    for (SegmentDelta d : c.segments()) {
      sb.append(String.format(Locale.ROOT, " %s %+.1f%% %s;", d.segment(), d.deltaPct(),
          d.verdict().map(v -> v.label()).orElse("no verdict")));
    }
    sb.append(String.format(Locale.ROOT, " throughput %.2fx %s", c.throughput().ratio(),
        c.throughput().verdict().map(v -> v.label()).orElse("no verdict")));
    return sb.toString();
  }
}
