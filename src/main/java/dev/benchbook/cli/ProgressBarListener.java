package dev.benchbook.cli;

import dev.benchbook.runtime.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar over a run's progress events: measured transitions done of those
 * planned, the config and repetition, the ETA, and the rate of the last finished pass (its
 * transitions over its time from the first progress report to its end, so database setup and
 * warmup passes are not counted). The bar shows no running average speed: it would divide by
 * the wall time since the start, warmups and setup included, which is not what a run measures.
 * Warmup passes show their name but do not advance the bar.
 */
final class ProgressBarListener implements ProgressListener {

  private final String task;
  private final long perPassTransitions;
  private ProgressBar bar;
  private long finishedBase;
  private boolean warmup;
  private String pass = "";
  private String lastRate = "";
  private long firstNs;
  private long firstDone;

  /** Creates a listener; {@code perPassTransitions} is the expected size of one pass. */
  ProgressBarListener(String task, long perPassTransitions) {
    this.task = task;
    this.perPassTransitions = perPassTransitions;
  }

  /** The listener to use: a bar on an interactive terminal, nothing when quiet or piped. */
  static ProgressListener forTerminal(boolean quiet, String task, long perPassTransitions) {
    boolean tty = System.console() != null && System.getenv("CI") == null;
    return quiet || !tty ? ProgressListener.NONE : new ProgressBarListener(task,
        perPassTransitions);
  }

  @Override
  public void runStarted(long expectedTransitions) {
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(expectedTransitions)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" tx", 1)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(stderr()))
        .setUpdateIntervalMillis(250).build();
  }

  private static PrintStream stderr() {
    return System.err;
  }

  @Override
  public void passStarted(String configId, int rep, int reps) {
    warmup = rep < 0;
    firstNs = 0;
    pass = " " + (warmup ? configId + " warmup" : configId + " rep " + (rep + 1) + "/" + reps);
    bar.setExtraMessage(pass + lastRate);
  }

  @Override
  public void passProgress(String configId, int rep, long transitionsDone) {
    if (firstNs == 0 && transitionsDone > 0) {
      firstNs = System.nanoTime();
      firstDone = transitionsDone;
    }
    if (!warmup) {
      bar.stepTo(finishedBase + Math.min(transitionsDone, perPassTransitions));
    }
  }

  @Override
  public void passEnded(String configId, int rep, long transitions) {
    finishedBase += perPassTransitions;
    lastRate = rate(transitions - firstDone, firstNs == 0 ? 0 : System.nanoTime() - firstNs);
    bar.setExtraMessage(pass + lastRate);
    bar.stepTo(finishedBase);
  }

  /** E.g. {@code  | last pass 10,925 tx/s}, or nothing when the pass was too short to time. */
  static String rate(long transitions, long elapsedNs) {
    if (transitions <= 0 || elapsedNs <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, " | last pass %,.0f tx/s", transitions * 1e9 / elapsedNs);
  }

  @Override
  public void runEnded() {
    if (bar != null) {
      bar.close();
    }
  }
}
