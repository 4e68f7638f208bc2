package dev.benchbook.analysis;

import dev.benchbook.results.Manifest;
import java.util.Optional;

/**
 * The absolute noise floor of a latency delta: {@value #CLOCK_READS} clock reads, at the larger
 * measured clock cost of the two runs. Every segment is the difference of two clock reads, and
 * the clock itself jitters by about a read; below a few reads, a sub-microsecond segment's P95
 * moves with cache, JIT and scheduling state that no connection strategy controls. A relative
 * threshold alone cannot see this scale (a 50% change of 0.0003 ms is 150 ns), so a delta
 * whose size is under the floor is within noise whatever its interval. See docs/STATISTICS.md.
 */
public final class NoiseFloor {

  /** Clock reads that make up the floor. */
  public static final int CLOCK_READS = 10;

  private NoiseFloor() {
  }

  /** The floor in ms from the two manifests' clock costs; empty when neither recorded one. */
  public static Optional<Double> ms(Optional<Manifest> baseline, Optional<Manifest> mitigation) {
    Optional<Double> b = baseline.flatMap(Manifest::clockReadNs);
    Optional<Double> m = mitigation.flatMap(Manifest::clockReadNs);
    if (b.isEmpty() && m.isEmpty()) {
      return Optional.empty();
    }
    double ns = Math.max(b.orElse(0.0), m.orElse(0.0));
    return Optional.of(ofClockReadNs(ns));
  }

  /** The floor in ms for a clock read cost in ns, e.g. 60 ns gives 0.0006 ms. */
  public static double ofClockReadNs(double clockReadNs) {
    if (!(clockReadNs >= 0 && Double.isFinite(clockReadNs))) {
      throw new IllegalArgumentException("clock read cost must be >= 0 ns, got " + clockReadNs);
    }
    return CLOCK_READS * clockReadNs / 1e6;
  }
}
