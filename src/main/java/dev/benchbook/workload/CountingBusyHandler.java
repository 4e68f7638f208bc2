package dev.benchbook.workload;

import org.sqlite.BusyHandler;

/** A busy handler that counts its invocations per transaction. */
abstract class CountingBusyHandler extends BusyHandler {

  /** Invocations since the last {@link #reset()}; subclasses increment it per callback. */
  protected int invocations;

  /** Busy-handler invocations since the last reset. */
  final int invocations() {
    return invocations;
  }

  /** Zeroes the count before a new transaction. */
  final void reset() {
    invocations = 0;
  }
}
