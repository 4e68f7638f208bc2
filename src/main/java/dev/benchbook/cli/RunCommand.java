package dev.benchbook.cli;

import dev.benchbook.api.Summary;
import dev.benchbook.api.Measured;
import dev.benchbook.report.RunTable;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.StrategySpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchbook run}: the baseline matrix, written to data/results-&lt;ts&gt;.json. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the benchmark matrix (concurrency x profile) and write a results file.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--concurrency", split = ",", paramLabel = "N[,N...]",
      description = "Worker counts (default: 1,10).")
  List<Integer> concurrency = new ArrayList<>(List.of(1, 10));

  @Option(names = "--profile", split = ",", paramLabel = "NAME[,NAME...]",
      description = "API latency profiles: zero, fast, realistic (default: zero,fast,realistic).")
  List<String> profiles = new ArrayList<>(List.of("zero", "fast", "realistic"));

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "Connection strategy: per-worker (baseline), shared-connection, writer-queue, backoff (default: ${DEFAULT-VALUE}).")
  String strategy = "per-worker";

  @Mixin
  WorkloadOptions workload;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    for (int c : concurrency) {
      if (c < 1 || c > 1024) {
        throw new IllegalArgumentException("--concurrency values must be in [1, 1024], got " + c);
      }
    }
    StrategySpec.named(strategy);
    List<BenchConfig> configs = workload.matrix(concurrency, profiles, strategy);
    RunPlan plan = workload.plan(configs);
    Measured measured = Runs.measure(plan, workload, "run", spec.commandLine().getErr(),
        Summary.matrix());
    PrintWriter out = spec.commandLine().getOut();
    out.println(RunTable.markdown(measured.file().configs()));
    out.printf("Ceiling probe: %,.0f tx/s (one connection, same transaction shape)%n",
        measured.file().ceilingTxPerS().orElse(0.0));
    Runs.writeAndPrint(measured, workload, out);
    return ExitCode.OK;
  }
}
