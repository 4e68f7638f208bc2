package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The clock read cost is positive and at the scale of a clock read, not of a scheduler slice. */
class ClockCostTest {

  @Test
  void aClockReadCostsMoreThanNothingAndLessThanTenMicroseconds() {
    double ns = ClockCost.measureNs();
    assertTrue(ns > 0 && ns < 10_000, "clock read " + ns + " ns");
  }
}
