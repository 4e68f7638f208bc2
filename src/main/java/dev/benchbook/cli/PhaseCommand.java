package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Contention;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.RunTable;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.workload.Strategies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchbook phase}: the whole phase in one command: the baseline matrix plus a contended
 * scenario, every mitigation on the most contended config (by the contention score), the
 * comparison, and the report.
 */
@Command(name = "phase", mixinStandardHelpOptions = true,
    description = "Run the baseline matrix and a contended scenario (c16, fast, hold 1 ms by "
        + "default), the mitigations on the most contended config, and write the phase report; "
        + "ends with the report's path.")
final class PhaseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--strategy", split = StrategyChoices.SPLIT, splitSynopsisLabel = ",",
      paramLabel = "NAME[:KEY=V,...]",
      completionCandidates = StrategyChoices.Mitigations.class,
      converter = StrategyChoices.CheckedMitigation.class,
      description = "Mitigations to test: ${COMPLETION-CANDIDATES} (default: all).")
  List<String> strategies = new ArrayList<>(List.of("all"));

  @Option(names = "--mitigation-reps", paramLabel = "N",
      description = "Repetitions per fork of the mitigation comparison (default: 1 with forks, "
          + "5 with --forks 1). --forks (default 4) applies to the mitigations only; the "
          + "matrix runs in this JVM.")
  int mitigationReps = 5;

  @Mixin
  MatrixOptions matrixOptions;

  @Mixin
  ScenarioOptions scenario;

  @Mixin
  WorkloadOptions workload;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    matrixOptions.validate();
    scenario.validate();
    List<String> mitigations = StrategyChoices.resolve(strategies);
    if (mitigationReps < 1 || mitigationReps > 1000) {
      throw new IllegalArgumentException("--mitigation-reps must be in [1, 1000], got "
          + mitigationReps);
    }
    if (workload.out == null) {
      workload.out = Path.of("reports");
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Integer forks = workload.forks;
    workload.forks = 1;
    List<BenchConfig> matrix = new ArrayList<>(workload.matrix(matrixOptions.concurrency,
        matrixOptions.profiles, Strategies.BASELINE.name()));
    scenario.config(workload).filter(s -> matrix.stream().noneMatch(m -> m.id().equals(s.id())))
        .ifPresent(matrix::add);
    checkTarget(matrix);
    workload.extraParameters.putAll(scenario.parameters());
    o.println("Step 1/2: baseline matrix (" + matrix.size() + " configs)");
    o.flush();
    Measured run = Runs.measure(workload.plan(matrix), workload, "matrix", err, Summary.matrix());
    o.println(RunTable.markdown(run.file().configs()));
    Runs.writeAndPrint(run, workload, o, false);

    ConfigResult target = target(run.file().configs());
    int savedReps = workload.reps;
    workload.forks = forks;
    workload.reps = mitigationReps;
    workload.compareDefaults(spec.commandLine().getParseResult()
        .hasMatchedOption("--mitigation-reps"), MitigateCommand.DEFAULT_FORKS, mitigationReps);
    o.println();
    o.println("Step 2/2: mitigations " + mitigations + " on " + target.id() + ", "
        + mitigationPlan());
    o.println("  chosen " + (scenario.target.isPresent() ? "by --target: " : "as the most "
        + "contended config: ") + Contention.why(target));
    o.flush();
    target.workload().ifPresent(w -> {
      workload.extraParameters.put("files", w.files());
      workload.extraParameters.put("hold_ms", w.holdMs());
    });
    workload.extraParameters.put("mitigation_target", target.id());
    Measured mit = Runs.measure(workload.plan(mitigationConfigs(target, mitigations)), workload,
        "mitigate", err, Summary.mitigation(CompareOptions.defaults().withSeed(workload.seed)));
    workload.reps = savedReps;
    Runs.Saved saved = Runs.writeAndPrint(mit, workload, o);
    o.println();
    o.println(saved.report().map(r -> "Phase report: " + r)
        .orElse("Phase results: " + saved.files().json() + " (--no-report: no report written)"));
    o.flush();
    return ExitCode.OK;
  }

  private String mitigationPlan() {
    return workload.forks() > 1 ? workload.forks() + " forks (fresh JVMs) x " + workload.reps
        + " repetition" + (workload.reps == 1 ? "" : "s") : workload.reps + " repetitions";
  }

  /** Fails before measuring when --target names no config of the matrix. */
  private void checkTarget(List<BenchConfig> matrix) {
    scenario.target.filter(t -> matrix.stream().noneMatch(c -> c.id().equals(t)))
        .ifPresent(t -> {
          throw new IllegalArgumentException("--target: no config '" + t + "' in this phase; "
              + "configs: " + String.join(", ", matrix.stream().map(BenchConfig::id).toList()));
        });
  }

  private ConfigResult target(List<ConfigResult> configs) {
    return scenario.target.flatMap(t -> configs.stream().filter(c -> c.id().equals(t))
        .findFirst()).orElseGet(() -> Contention.mitigationTarget(configs));
  }

  /** The target's baseline and one config per mitigation, with the target's own workload. */
  private List<BenchConfig> mitigationConfigs(ConfigResult target, List<String> mitigations) {
    String sync = target.workload().map(WorkloadSpec::synchronous).orElse(workload.synchronous);
    double hold = target.workload().map(WorkloadSpec::holdMs).orElse(workload.holdMs);
    int files = target.workload().map(WorkloadSpec::files).orElse(workload.files);
    String baseline = Strategies.BASELINE.name();
    String base = BenchConfig.standardId(target.concurrency(), target.profile(), baseline);
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(workload.config(target.id(), target.concurrency(), target.profile(),
        baseline, sync, hold, files));
    for (String m : mitigations) {
      String id = target.id() + BenchConfig.standardId(target.concurrency(), target.profile(), m)
          .substring(base.length());
      configs.add(workload.config(id, target.concurrency(), target.profile(), m, sync, hold,
          files));
    }
    return configs;
  }
}
