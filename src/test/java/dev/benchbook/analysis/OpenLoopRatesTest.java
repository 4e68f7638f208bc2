package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Achieved rate from start times: exact for a kept schedule, little moved by late starts. */
class OpenLoopRatesTest {

  private static RawRows rows(long[] startsNs) {
    RawRows rows = new RawRows(List.of("a", "b"), List.of("S"), startsNs.length,
        EnumSet.allOf(Column.class));
    for (long s : startsNs) {
      int i = rows.addRow();
      rows.set(Column.START_NS, i, s);
      rows.set(Column.OUTCOME, i, Outcome.COMMITTED.code());
    }
    return rows;
  }

  @Test
  void aKeptScheduleGivesTheRequestedRateDespiteLateStartsAtEitherEnd() {
    long[] starts = new long[1000];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i * 1_000_000L;
    }
    assertEquals(1000.0, OpenLoopRates.achievedPerS(rows(starts), 0), 1e-9);
    for (int i = 0; i < 10; i++) {
      starts[i] += 40_000_000L;
    }
    starts[999] += 30_000_000L;
    assertEquals(1000.0, OpenLoopRates.achievedPerS(rows(starts), 0), 5.0,
        "ten starts 40 ms late at the beginning, one 30 ms late at the end: within 0.5%");
  }

  @Test
  void aSaturatedSystemGivesTheRateItServed() {
    long[] starts = new long[400];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i * 2_500_000L;
    }
    assertEquals(400.0, OpenLoopRates.achievedPerS(rows(starts), 0), 1e-9);
    assertEquals(0.0, OpenLoopRates.achievedPerS(rows(starts), 1), "no rows of config b");
  }
}
