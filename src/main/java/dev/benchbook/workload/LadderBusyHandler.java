package dev.benchbook.workload;


/**
 * SQLite's default busy handler (the sleep ladder of {@code sqlite3_busy_timeout}) in Java, so
 * that retries can be counted per transition.
 *
 * <p>Sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms per retry until the busy
 * timeout is spent, exactly as sqliteDefaultBusyCallback does; like it, it does not queue.
 */
final class LadderBusyHandler extends CountingBusyHandler {

  private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  private static final int[] TOTALS_MS = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};

  private final long timeoutMs;

  LadderBusyHandler(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  @Override
  protected int callback(int previous) {
    invocations++;
    long delay = delayMs(previous, timeoutMs);
    if (delay <= 0) {
      return 0;
    }
    try {
      Thread.sleep(delay);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Sleep before retry number {@code previous}, or 0 to give up, as SQLite computes it. */
  static long delayMs(int previous, long timeoutMs) {
    int last = DELAYS_MS.length - 1;
    long delay;
    long prior;
    if (previous <= last) {
      delay = DELAYS_MS[previous];
      prior = TOTALS_MS[previous];
    } else {
      delay = DELAYS_MS[last];
      prior = TOTALS_MS[last] + delay * (previous - last);
    }
    if (prior + delay > timeoutMs) {
      delay = timeoutMs - prior;
    }
    return Math.max(0, delay);
  }
}
