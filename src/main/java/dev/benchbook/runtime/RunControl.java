package dev.benchbook.runtime;

/** Cancellation shared by the runner, its workers and a Ctrl-C handler. */
public final class RunControl {

  private volatile boolean cancelled;
  private volatile boolean aborted;

  /** Asks every pass to stop as soon as possible (user cancellation). */
  public void cancel() {
    cancelled = true;
  }

  /** Stops the current pass because a worker failed. */
  void abort() {
    aborted = true;
  }

  /** True once cancel() was called or a worker failed. */
  public boolean cancelled() {
    return cancelled || aborted;
  }

  /** True once the user cancelled. */
  public boolean userCancelled() {
    return cancelled;
  }
}
