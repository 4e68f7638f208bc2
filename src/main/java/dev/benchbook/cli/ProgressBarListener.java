package dev.benchbook.cli;

import dev.benchbook.runtime.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar (config, rep, transitions done, ETA) over a run's progress events.
 * Warmup passes show their name but do not advance the bar.
 */
final class ProgressBarListener implements ProgressListener {

  private final String task;
  private final long perPassTransitions;
  private ProgressBar bar;
  private long finishedBase;
  private boolean warmup;

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
        .setStyle(ProgressBarStyle.ASCII).setUnit(" tx", 1).showSpeed()
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(stderr()))
        .setUpdateIntervalMillis(250).build();
  }

  private static PrintStream stderr() {
    return System.err;
  }

  @Override
  public void passStarted(String configId, int rep, int reps) {
    warmup = rep < 0;
    bar.setExtraMessage(" " + (warmup ? configId + " warmup" : configId + " rep " + (rep + 1) + "/" + reps));
  }

  @Override
  public void passProgress(String configId, int rep, long transitionsDone) {
    if (!warmup) {
      bar.stepTo(finishedBase + Math.min(transitionsDone, perPassTransitions));
    }
  }

  @Override
  public void passEnded(String configId, int rep, long transitions) {
    finishedBase += perPassTransitions;
    bar.stepTo(finishedBase);
  }

  private long perPassTransitions(String configId) {
    return perPassTransitions;
  }

  @Override
  public void runEnded() {
    if (bar != null) {
      bar.close();
    }
  }
}
