package dev.benchbook.api;

import dev.benchbook.analysis.RunSummarizer;
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
 * The one-line entry points for notebooks, JShell and the CLI: run a matrix, load results,
 * compare configs, draw charts, write reports.
 */
public final class Benchbook {

  private Benchbook() {
  }

  /** Runs a plan and summarises it as a matrix results file (not yet written). */
  public static Measured runMatrix(RunPlan plan, Map<String, Object> parameters,
      RunControl control, ProgressListener listener)
      throws IOException, SQLException, InterruptedException {
    MachineInfo machine = MachineInfo.collect();
    RunOutcome outcome = new MatrixRunner(control, listener).run(plan);
    return new Measured(RunSummarizer.matrix(outcome, machine, parameters, "matrix"),
        outcome.rows());
  }
}
