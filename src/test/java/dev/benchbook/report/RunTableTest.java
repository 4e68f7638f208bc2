package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunTableTest {

  @Test
  void millisecondsKeepThreeSignificantDigits() {
    assertEquals("0.000213", RunTable.ms(0.000213456));
    assertEquals("0.0714", RunTable.ms(0.07138));
    assertEquals("9.71", RunTable.ms(9.714));
    assertEquals("41.2", RunTable.ms(41.17));
    assertEquals("733.4", RunTable.ms(733.368));
    assertEquals("2", RunTable.ms(2.0));
    assertEquals("0", RunTable.ms(0));
  }
}
