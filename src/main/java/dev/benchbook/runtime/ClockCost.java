package dev.benchbook.runtime;

import java.util.Arrays;

/**
 * Measures what one {@code System.nanoTime()} read costs on this machine and JVM: every segment
 * is the difference of two reads, so differences at this scale are not resolvable.
 */
public final class ClockCost {

  private static final int BATCHES = 41;
  private static final int READS_PER_BATCH = 20_000;
  private static long sink;

  private ClockCost() {
  }

  /**
   * The fastest of 41 batches of (batch time / 20,000 back-to-back reads), ns, after a warmup
   * batch; never below the smallest non-zero step the clock showed (its granularity). The
   * minimum, not the median: preemption on a busy machine only ever adds time to a batch, and
   * the floor must describe the clock, not the load. Takes a few milliseconds.
   */
  public static double measureNs() {
    batch();
    double[] perRead = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      perRead[b] = batch();
    }
    Arrays.sort(perRead);
    return Math.max(perRead[0], granularityNs());
  }

  private static double batch() {
    long start = System.nanoTime();
    long acc = 0;
    for (int i = 0; i < READS_PER_BATCH; i++) {
      acc += System.nanoTime();
    }
    long end = System.nanoTime();
    sink += acc;
    return (end - start) / (double) READS_PER_BATCH;
  }

  /** The smallest non-zero difference between consecutive reads seen in 1,000 tries, ns. */
  private static double granularityNs() {
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < 1000; i++) {
      long a = System.nanoTime();
      long b = System.nanoTime();
      while (b == a) {
        b = System.nanoTime();
      }
      smallest = Math.min(smallest, b - a);
    }
    return sink == Long.MIN_VALUE ? 0 : smallest;
  }
}
