package dev.benchbook.catalog;

import java.time.Duration;
import java.util.Locale;
import org.sqlite.ProgressHandler;

/**
 * SQLite's progress handler as a time limit: every {@value #EVERY_OPS} virtual-machine steps it
 * checks the clock (and the thread's interrupt flag) and interrupts the statement once the
 * limit has passed, so an unbounded query ends with one line instead of running until Ctrl-C.
 */
final class Deadline extends ProgressHandler {

  /** Steps between checks: about a few microseconds of SQLite work, so the check costs nothing. */
  static final int EVERY_OPS = 10_000;
  private final Duration limit;
  private final long endNs;
  private volatile boolean timedOut;
  private volatile boolean interrupted;

  Deadline(Duration limit) {
    this.limit = limit;
    this.endNs = System.nanoTime() + limit.toNanos();
  }

  @Override
  protected int progress() {
    if (Thread.currentThread().isInterrupted()) {
      interrupted = true;
      return 1;
    }
    if (System.nanoTime() - endNs > 0) {
      timedOut = true;
      return 1;
    }
    return 0;
  }

  /** True when this handler stopped the statement. */
  boolean fired() {
    return timedOut || interrupted;
  }

  /** The one-line message for a stopped statement. */
  String message() {
    if (interrupted) {
      return "the query was interrupted";
    }
    return "the query ran longer than its time limit (" + format(limit) + ") and was stopped; "
        + "narrow it, or allow more time (query --timeout, or Benchbook.query with a Duration)";
  }

  static String format(Duration d) {
    double s = d.toNanos() / 1e9;
    if (s >= 60 && s % 60 == 0) {
      return (long) (s / 60) + " min";
    }
    return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
  }
}
