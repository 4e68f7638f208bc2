package dev.benchbook.cli;

import dev.benchbook.api.Benchbook;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.ReportWriter;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.ResultsWriter;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Shared steps of the measuring commands: run with progress and Ctrl-C handling, then write. */
final class Runs {

  private Runs() {
  }

  /**
   * Checks that the data (and reports) folder can be written, then runs the plan with a
   * progress bar; on Ctrl-C cleans up and throws InterruptedException.
   */
  static Measured measure(RunPlan plan, WorkloadOptions options, String task, PrintWriter err,
      Summary summary) throws Exception {
    return measure(plan, options, options.parameters(), task, err, summary);
  }

  /** The same, recording {@code parameters} in the manifest (a phase's own settings). */
  static Measured measure(RunPlan plan, WorkloadOptions options,
      java.util.Map<String, Object> parameters, String task, PrintWriter err, Summary summary)
      throws Exception {
    new ResultsWriter(options.dataDir).checkWritable();
    long rows = plan.expectedTransitions();
    ResultsWriter.checkSpace(options.dataDir, ResultsWriter.expectedBytes(rows,
        plan.configs().size()), rows, "data folder");
    if (options.reportsDir().isPresent()) {
      ResultsWriter.checkWritable(options.reportsDir().get(), "reports folder");
    }
    return measure(plan, options, parameters, task, err, summary, false);
  }

  /**
   * Runs the plan with a progress bar and Ctrl-C handling, writing nothing (calibrate); with
   * {@code freshJvms} the plan runs in child JVMs even with one fork (as a separate command).
   */
  static Measured measure(RunPlan plan, WorkloadOptions options,
      java.util.Map<String, Object> parameters, String task, PrintWriter err, Summary summary,
      boolean freshJvms) throws Exception {
    if (options.jfr && (freshJvms || plan.forks() > 1)) {
      throw new IllegalArgumentException("--jfr records the passes run in this JVM; this run "
          + "would use " + Math.max(plan.forks(), 1) + " fresh JVM(s): give --forks 1");
    }
    RunControl control = new RunControl();
    long perPass = (long) plan.configs().get(0).files()
        * plan.configs().get(0).flow().happyPathLength();
    ProgressListener progress = ProgressBarListener.forTerminal(options.quiet, task, perPass);
    try (Interrupts ignored = Interrupts.install(control)) {
      try {
        if (options.jfr) {
          return Recorded.measure(plan, options, parameters, control, progress, summary);
        }
        return freshJvms
            ? Benchbook.runInFreshJvms(plan, parameters, control, progress, summary)
            : Benchbook.run(plan, parameters, control, progress, summary);
      } catch (InterruptedException e) {
        err.println("benchbook: cancelled; no results written, temporary databases removed");
        err.flush();
        throw new Errors.CancelReported();
      }
    }
  }

  /**
   * Writes the results file and rows atomically, then (see WorkloadOptions#reportsDir) the
   * run's report and the reports index, and prints the paths.
   */
  static Saved writeAndPrint(Measured measured, WorkloadOptions options, PrintWriter out)
      throws Exception {
    return writeAndPrint(measured, options, out, true);
  }

  /**
   * The same; {@code refreshNotebooks} false leaves reports/notebooks/ for a later write of the
   * same command (phase writes its matrix, then its mitigations: the notebooks run once).
   */
  static Saved writeAndPrint(Measured measured, WorkloadOptions options, PrintWriter out,
      boolean refreshNotebooks) throws Exception {
    ResultsWriter.Written written = new ResultsWriter(options.dataDir).writeOrFailKeeping(
        measured.file(), Optional.of(measured.rows()), measured.recording());
    out.println("Wrote:");
    out.println("  " + written.json());
    written.rows().ifPresent(r -> out.println("  " + r));
    measured.recording().ifPresent(r -> out.println("  " + written.json().resolveSibling(
        written.json().getFileName().toString().replaceAll("\\.json$", "")
        + ResultsWriter.JFR_SUFFIX)));
    Optional<Path> report = Optional.empty();
    Optional<Path> reports = options.reportsDir();
    if (reports.isPresent()) {
      ReportWriter writer = new ReportWriter(options.dataDir, reports.get());
      report = Optional.of(writer.write(ResultsReader.read(written.json())));
      out.println("  " + report.get());
      out.println("  " + writer.writeIndex(ResultsReader.load(options.dataDir).runs()));
    }
    if (refreshNotebooks && WorkspaceNotebooks.applies(options.dataDir, options.noReport)) {
      out.flush();
      out.println("  " + WorkspaceNotebooks.refresh() + "/ (every notebook re-run on the new data)");
    }
    out.flush();
    return new Saved(written, report);
  }

  /**
   * What a measuring command saved.
   *
   * @param files the results file and its raw rows
   * @param report the run's report README, when one was written
   */
  record Saved(ResultsWriter.Written files, Optional<Path> report) {
  }
}
