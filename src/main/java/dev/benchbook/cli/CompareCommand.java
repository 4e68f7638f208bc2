package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.api.Benchbook;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.report.Insights;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook compare}: the seed-style before/after table of two configs. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare a baseline config with a mitigation config: P95 deltas, throughput "
        + "ratio, intervals and verdicts. A results-mitigation file alone compares its own "
        + "baseline and mitigation run; two files compare a config of each.")
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..2", description = "One or two results files.")
  List<Path> files;

  @Option(names = "--baseline-config", paramLabel = "ID", description = "Baseline config id.")
  Optional<String> baselineId = Optional.empty();

  @Option(names = "--mitigation-config", paramLabel = "ID", description = "Mitigation config id.")
  Optional<String> mitigationId = Optional.empty();

  @Option(names = "--format", paramLabel = "FMT", description = "markdown, csv or json (default: ${DEFAULT-VALUE}).")
  String format = "markdown";

  @Option(names = "--force", description = "Compare even when the workloads differ.")
  boolean force;

  @Option(names = "--noise-threshold-pct", paramLabel = "PCT", description = "Changes below this are within noise (default: ${DEFAULT-VALUE}).")
  double noiseThresholdPct = CompareOptions.DEFAULT_NOISE_THRESHOLD_PCT;

  @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed = CompareOptions.DEFAULT_SEED;

  @Override
  public Integer call() throws Exception {
    ComparisonTable.Format fmt = parseFormat();
    LoadedRun first = read(files.get(0));
    LoadedRun second = files.size() > 1 ? read(files.get(1)) : first;
    ConfigResult baseline = pick(first, baselineId, true);
    ConfigResult mitigation = pick(second, mitigationId, false);
    CompareOptions options = CompareOptions.defaults().withForce(force).withSeed(seed)
        .withNoiseThresholdPct(noiseThresholdPct);
    Comparison c = Benchbook.compare(first, baseline.id(), second, mitigation.id(), options);
    spec.commandLine().getOut().print(ComparisonTable.render(c, fmt));
    Insights.atomicityWarning(List.of(baseline, mitigation))
        .ifPresent(w -> spec.commandLine().getErr().println("benchbook: " + w));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private ComparisonTable.Format parseFormat() {
    for (ComparisonTable.Format f : ComparisonTable.Format.values()) {
      if (f.name().equalsIgnoreCase(format)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--format must be markdown, csv or json; got '"
        + format + "'");
  }

  private static LoadedRun read(Path file) throws BadInputException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    return Benchbook.load(file.toString());
  }

  private ConfigResult pick(LoadedRun run, Optional<String> id, boolean baselineSide)
      throws BadInputException {
    RunFile f = run.run();
    if (id.isPresent()) {
      return f.config(id.get()).orElseThrow(() -> new BadInputException(run.path()
          + ": no config '" + id.get() + "'; configs: " + ids(f)));
    }
    if (files.size() == 1) {
      Optional<ConfigResult> c = baselineSide ? f.baseline() : f.mitigationRun()
          .or(() -> f.mitigationRuns().stream().findFirst());
      return c.orElseThrow(() -> new BadInputException(run.path() + ": not a mitigation file; "
          + "give --baseline-config and --mitigation-config (configs: " + ids(f) + ")"));
    }
    List<ConfigResult> all = f.allConfigs();
    if (all.size() == 1) {
      return all.get(0);
    }
    throw new BadInputException(run.path() + ": holds several configs; give --"
        + (baselineSide ? "baseline" : "mitigation") + "-config (configs: " + ids(f) + ")");
  }

  private static String ids(RunFile f) {
    return String.join(", ", f.allConfigs().stream().map(ConfigResult::id).toList());
  }
}
