package dev.benchbook.workload;

/** A worker's way to write one transition atomically under some connection strategy. */
public interface WriteChannel extends AutoCloseable {

  /**
   * Writes one transition: take write access, optimistic UPDATE, audit INSERT, hold, COMMIT.
   * Fills {@link TransitionWrite#lockWaitNs}, {@code busyRetries} and {@code result}; never
   * throws for conflicts, busy errors or injected failures: they are results.
   */
  void apply(TransitionWrite write);

  /** Releases the channel's resources. */
  @Override
  void close();
}
