package dev.benchbook.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts an open-loop pass's transitions on schedule: a free worker claims the next arrival
 * (one atomic increment) and waits until its intended start; an arrival whose time has come
 * while every worker was busy waits in the queue until a worker claims it, so arrivals are
 * served first come, first served by the pass's workers (a FIFO queue with one server per
 * worker). There is no dispatcher thread: on two cores a thread handing arrivals over would
 * compete with the workers it feeds, and its own lateness would hide in the measurements.
 */
final class Dispatcher {

  /** The last stretch of a wait is spun rather than parked: parking wakes up ~50 us late. */
  static final long SPIN_NS = 50_000;
  /** Longest park, so that a cancelled run stops waiting for a distant arrival. */
  private static final long MAX_PARK_NS = 20_000_000;

  private final ArrivalSchedule schedule;
  private final long originNs;
  private final RunControl control;
  private final AtomicInteger next = new AtomicInteger();

  /** A dispatcher of {@code schedule}'s arrivals, whose offsets count from {@code originNs}. */
  Dispatcher(ArrivalSchedule schedule, long originNs, RunControl control) {
    this.schedule = schedule;
    this.originNs = originNs;
    this.control = control;
  }

  /**
   * Claims the next arrival and returns when its intended start has come (at once when it is
   * already late, or when the run is cancelled); returns the intended start, on the
   * {@link System#nanoTime()} clock.
   */
  long take() {
    long due = originNs + schedule.at(next.getAndIncrement());
    awaitUntil(due);
    return due;
  }

  /** Arrivals claimed so far. */
  int claimed() {
    return next.get();
  }

  private void awaitUntil(long due) {
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      if (left > SPIN_NS) {
        LockSupport.parkNanos(Math.min(left - SPIN_NS, MAX_PARK_NS));
        if (control.cancelled()) {
          return;
        }
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
