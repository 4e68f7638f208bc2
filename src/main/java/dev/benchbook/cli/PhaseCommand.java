package dev.benchbook.cli;

import dev.benchbook.analysis.Contention;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Phase;
import dev.benchbook.api.PhaseSpec;
import dev.benchbook.api.Summary;
import dev.benchbook.report.RunTable;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.runtime.Arrivals;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.runtime.RunPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchbook phase}: the whole phase in one command ({@link Phase}): the baseline matrix
 * plus a contended scenario, every mitigation on the most contended config (by the contention
 * score), the comparison, and the report. Parses flags and prints; the library runs it.
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
  List<String> strategies = new ArrayList<>(List.of(StrategyChoices.ALL));

  @Option(names = "--mitigation-reps", paramLabel = "N",
      description = "Repetitions per fork of the mitigation comparison (default: 1 with forks, "
          + "5 with --forks 1). --forks (default 4) applies to the mitigations only; the "
          + "matrix runs in this JVM.")
  int mitigationReps = 5;

  @Option(names = "--open-loop", description = "Step 3: run the target and its mitigations "
      + "open-loop (Poisson arrivals) at 90%% of the baseline's closed-loop throughput there, "
      + "where the baseline is near saturation and strategies differ most; writes a third "
      + "results file with queue_wait and response times.")
  boolean openLoop;

  @Mixin
  MatrixOptions matrixOptions;

  @Mixin
  ScenarioOptions scenario;

  @Mixin
  WorkloadOptions workload;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    matrixOptions.validate();
    Phase.Result result = Phase.run(phaseSpec(), new Printed());
    PrintWriter o = spec.commandLine().getOut();
    o.println();
    result.openLoop().ifPresent(w -> o.println(w.report().map(r -> "Open-loop report: " + r)
        .orElse("Open-loop results: " + w.files().json())));
    o.println(result.mitigation().report().map(r -> "Phase report: " + r)
        .orElse("Phase results: " + result.mitigation().files().json() + " (no report: "
            + (workload.noReport ? "--no-report" : "give --out DIR; without it only a run into "
            + "the default data folder writes one, to reports") + ")"));
    o.flush();
    return ExitCode.OK;
  }

  /** The phase these flags ask for. */
  private PhaseSpec phaseSpec() {
    boolean repsGiven = spec.commandLine().getParseResult()
        .hasMatchedOption("--mitigation-reps");
    int forks = workload.forks != null ? workload.forks
        : repsGiven || workload.jfr ? 1 : MitigateCommand.DEFAULT_FORKS;
    int reps = repsGiven || forks == 1 ? mitigationReps : 1;
    return new PhaseSpec(workload.settings(), matrixOptions.concurrency, matrixOptions.profiles,
        scenario.scenario(), scenario.target, StrategyChoices.resolve(strategies), reps, forks,
        workload.dataDir, workload.reportsDir(), openLoop);
  }

  /** Measures with the progress bar and Ctrl-C handling, prints between the steps. */
  private final class Printed implements Phase.Steps {
    private final PrintWriter o = spec.commandLine().getOut();
    private final PrintWriter err = spec.commandLine().getErr();

    @Override
    public Measured measure(RunPlan plan, PlanSettings settings, String task, Summary summary)
        throws Exception {
      return Runs.measure(plan, workload, settings.parameters(), task, err, summary);
    }

    @Override
    public Phase.Written write(Measured measured, PhaseSpec phase, boolean last)
        throws Exception {
      Runs.Saved saved = Runs.writeAndPrint(measured, workload, o, last);
      return new Phase.Written(saved.files(), saved.report());
    }

    @Override
    public void matrixStarting(int configs) {
      o.println("Step 1/" + (openLoop ? 3 : 2) + ": baseline matrix (" + configs + " configs)");
      o.flush();
    }

    @Override
    public void matrixMeasured(Measured matrix) {
      o.println(output.render(RunTable.table(matrix.file().configs())));
    }

    @Override
    public void mitigationsStarting(List<String> mitigations, ConfigResult target,
        boolean named, PlanSettings settings) {
      o.println();
      o.println("Step 2/" + (openLoop ? 3 : 2) + ": mitigations " + mitigations + " on " + target.id() + ", "
          + plan(settings));
      o.println("  chosen " + (named ? "by --target: " : "as the most contended config: ")
          + Contention.why(target));
      o.flush();
    }

    @Override
    public void openLoopStarting(Arrivals rate, ConfigResult baseline, PlanSettings settings) {
      o.println();
      o.println(String.format(java.util.Locale.US, "Step 3/3: open loop on %s at %s (%s "
          + "arrivals), %s", baseline.id(), rate.rateText(), rate.kind().label(),
          plan(settings)));
      o.println(String.format(java.util.Locale.US, "  rate = %.0f%% of the baseline's "
          + "closed-loop %,.0f transitions/s there: near its saturation, where a stalled lock "
          + "queues every arrival and strategies differ most", Phase.OPEN_LOOP_SHARE * 100,
          baseline.transitionsPerS()));
      o.flush();
    }

    private String plan(PlanSettings s) {
      return s.forks() > 1 ? s.forks() + " forks (fresh JVMs) x " + s.reps() + " repetition"
          + (s.reps() == 1 ? "" : "s") : s.reps() + " repetitions";
    }
  }
}
