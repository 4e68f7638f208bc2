package dev.benchbook.workload;

import java.util.concurrent.locks.LockSupport;

/** Precise pauses for simulated API calls and work held inside transactions. */
public final class Pause {

  private Pause() {
  }

  /** Parks the current thread for {@code ns} nanoseconds (returns early only when interrupted). */
  public static void ns(long ns) {
    if (ns <= 0) {
      return;
    }
    long deadline = System.nanoTime() + ns;
    long left = ns;
    while (left > 0 && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(left);
      left = deadline - System.nanoTime();
    }
  }
}
