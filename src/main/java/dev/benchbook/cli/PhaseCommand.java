package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.Insights;
import dev.benchbook.report.RunTable;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Segment;
import dev.benchbook.runtime.BenchConfig;
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
 * {@code benchbook phase}: the whole phase in one command: the baseline matrix, every
 * mitigation on its most contended config, the comparison, and the report.
 */
@Command(name = "phase", mixinStandardHelpOptions = true,
    description = "Run the baseline matrix, the mitigations on the most contended config, "
        + "and write the phase report; ends with the report's path.")
final class PhaseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;



  @Option(names = "--strategy", split = ",", paramLabel = "NAME[,NAME...]",
      description = "Mitigations to test (default: all).")
  List<String> strategies = new ArrayList<>(List.of("all"));

  @Option(names = "--mitigation-reps", paramLabel = "N",
      description = "Repetitions per fork of the mitigation comparison (default: 1 with forks, "
          + "5 with --forks 1). --forks (default 5) applies to the mitigations only; the "
          + "matrix runs in this JVM.")
  int mitigationReps = 5;

  @Mixin
  MatrixOptions matrixOptions;

  @Mixin
  WorkloadOptions workload;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    matrixOptions.validate();
    List<String> mitigations = MitigateCommand.resolve(strategies);
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
    List<BenchConfig> matrix = workload.matrix(matrixOptions.concurrency, matrixOptions.profiles,
        "per-worker");
    o.println("Step 1/2: baseline matrix (" + matrix.size() + " configs)");
    o.flush();
    Measured run = Runs.measure(workload.plan(matrix), workload, "matrix", err, Summary.matrix());
    o.println(RunTable.markdown(run.file().configs()));
    Runs.writeAndPrint(run, workload, o);

    ConfigResult target = Insights.mitigationTarget(run.file().configs());
    int savedReps = workload.reps;
    workload.forks = forks;
    workload.reps = mitigationReps;
    workload.compareDefaults(spec.commandLine().getParseResult()
        .hasMatchedOption("--mitigation-reps"), MitigateCommand.DEFAULT_FORKS, mitigationReps);
    o.println();
    o.println("Step 2/2: mitigations " + mitigations + " on " + target.id()
        + " (most contended: P95 lock_wait " + String.format(java.util.Locale.ROOT, "%.3f",
        target.segment(Segment.LOCK_WAIT).p95()) + " ms), " + mitigationPlan());
    o.flush();
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(workload.config(target.concurrency(), target.profile(), "per-worker"));
    for (String m : mitigations) {
      configs.add(workload.config(target.concurrency(), target.profile(), m));
    }
    Measured mit = Runs.measure(workload.plan(configs), workload, "mitigate", err,
        Summary.mitigation(CompareOptions.defaults().withSeed(workload.seed)));
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
}
