package dev.benchbook.api;

import dev.benchbook.runtime.MachineInfo;
import dev.benchbook.runtime.MatrixRunner;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one-line entry points for notebooks, JShell and the CLI: run a plan, load results,
 * compare configs, draw charts, write reports.
 */
public final class Benchbook {

  private Benchbook() {
  }

  /** Runs a plan and summarises it into a results file (not yet written) with its raw rows. */
  public static Measured run(RunPlan plan, Map<String, Object> parameters, RunControl control,
      ProgressListener listener, Summary summary)
      throws IOException, SQLException, InterruptedException {
    MachineInfo machine = MachineInfo.collect();
    RunOutcome outcome = new MatrixRunner(control, listener).run(plan);
    return new Measured(summary.summarize(outcome, machine, parameters), outcome.rows());
  }

  /** Runs a plan quietly and summarises it as a matrix file. */
  public static Measured runMatrix(RunPlan plan)
      throws IOException, SQLException, InterruptedException {
    return run(plan, Map.of(), new RunControl(), ProgressListener.NONE, Summary.matrix());
  }
}
