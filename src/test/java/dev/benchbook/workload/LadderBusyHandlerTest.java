package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Java busy handler sleeps exactly as SQLite's default busy handler does. */
class LadderBusyHandlerTest {

  @Test
  void cumulativeSleepsFollowSqlitesLadder() {
    long[] expectedTotals = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228, 328, 428};
    long total = 0;
    for (int retry = 0; retry < expectedTotals.length; retry++) {
      assertEquals(expectedTotals[retry], total, "before retry " + retry);
      total += LadderBusyHandler.delayMs(retry, 5000);
    }
  }

  @Test
  void lastSleepIsClippedToTheTimeoutThenItGivesUp() {
    assertEquals(5, LadderBusyHandler.delayMs(2, 8));
    assertEquals(2, LadderBusyHandler.delayMs(2, 5));
    assertEquals(0, LadderBusyHandler.delayMs(3, 8));
    assertEquals(0, LadderBusyHandler.delayMs(0, 0));
  }
}
