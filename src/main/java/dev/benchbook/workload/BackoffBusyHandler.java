package dev.benchbook.workload;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * An application busy handler: bounded, jittered, fine-grained exponential backoff (from
 * {@code minUs} doubling to {@code maxUs}, each sleep uniformly jittered in [0.5, 1.5) of its
 * nominal value) instead of SQLite's millisecond sleep ladder. Gives up after the busy timeout.
 */
final class BackoffBusyHandler extends CountingBusyHandler {

  private final long minNs;
  private final long maxNs;
  private final long timeoutNs;
  private final SplittableRandom rng;
  private long startedNs;

  BackoffBusyHandler(long minUs, long maxUs, long timeoutMs, long seed) {
    this.minNs = minUs * 1000;
    this.maxNs = maxUs * 1000;
    this.timeoutNs = timeoutMs * 1_000_000;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  protected int callback(int previous) {
    long now = System.nanoTime();
    if (previous == 0) {
      startedNs = now;
    }
    invocations++;
    if (now - startedNs >= timeoutNs) {
      return 0;
    }
    long nominal = Math.min(maxNs, minNs << Math.min(previous, 20));
    long sleep = (long) (nominal * (0.5 + rng.nextDouble()));
    LockSupport.parkNanos(Math.min(sleep, timeoutNs - (now - startedNs)));
    return Thread.currentThread().isInterrupted() ? 0 : 1;
  }
}
