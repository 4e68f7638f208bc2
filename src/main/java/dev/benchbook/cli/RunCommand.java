package dev.benchbook.cli;

import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.CeilingText;
import dev.benchbook.report.RunTable;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.Strategies;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook run}: the baseline matrix, written to data/results-&lt;ts&gt;.json. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the benchmark matrix (concurrency x profile) and write a results file.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;



  @Option(names = "--strategy", paramLabel = "NAME[:KEY=V,...]",
      completionCandidates = StrategyChoices.Names.class,
      converter = StrategyChoices.Checked.class,
      description = "Connection strategy: ${COMPLETION-CANDIDATES}; options as "
          + "writer-queue:batch-max=64 (default: ${DEFAULT-VALUE}).")
  String strategy = Strategies.BASELINE.name();

  @Mixin
  MatrixOptions matrix;

  @Mixin
  OutputOptions output;

  @Mixin
  WorkloadOptions workload;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    matrix.validate();
    List<BenchConfig> configs = workload.matrix(matrix.concurrency, matrix.profiles, strategy);
    RunPlan plan = workload.plan(configs);
    Measured measured = Runs.measure(plan, workload, "run", spec.commandLine().getErr(),
        Summary.matrix());
    PrintWriter out = spec.commandLine().getOut();
    out.println(output.render(RunTable.table(measured.file().configs())));
    out.printf("Ceiling probe: %,.0f tx/s (one connection, %s)%n",
        measured.file().ceilingTxPerS().orElse(0.0), CeilingText.shape(measured.file()));
    CeilingText.groupCommit(measured.file()).ifPresent(g -> out.println("Group-commit probe: " + g));
    Runs.writeAndPrint(measured, workload, out);
    return ExitCode.OK;
  }
}
