package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartDataTest {

  private static ChartData sample() {
    return ChartData.builder(
            ChartColumn.text("config"),
            ChartColumn.number("p95_ms", 3),
            ChartColumn.text("count"),
            ChartColumn.text("knee"))
        .row("c10-zero", 40.9549, 4090L, true)
        .row("odd, \"quoted\" id", Double.NaN, 7, false)
        .row("tiny", -0.0004, 0, false)
        .build();
  }

  @Test
  void csvIsExactWithHeaderQuotingFixedDecimalsAndEmptyNaN() {
    assertEquals("config,p95_ms,count,knee\n"
        + "c10-zero,40.955,4090,true\n"
        + "\"odd, \"\"quoted\"\" id\",,7,false\n"
        + "tiny,0.000,0,false\n", sample().toCsv());
  }

  @Test
  void csvDoesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String german = sample().toCsv();
      Locale.setDefault(Locale.ROOT);
      assertEquals(sample().toCsv(), german);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void columnsAreReadableByName() {
    ChartData data = sample();
    assertEquals(List.of("config", "p95_ms", "count", "knee"), data.columnNames());
    assertEquals(List.of("c10-zero", "odd, \"quoted\" id", "tiny"), data.column("config"));
    assertEquals(3, data.rowCount());
    assertThrows(IllegalArgumentException.class, () -> data.column("p99_ms"));
  }

  @Test
  void rejectsRowsOfTheWrongWidthAndUnknownCellTypes() {
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> ChartData.builder(ChartColumn.text("a")).row("x", "y").build());
    assertEquals("chart data row 0 has 2 cells, expected 1 ([a])", wide.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ChartData.builder(ChartColumn.text("a")).row(new Object()).build());
    assertThrows(IllegalArgumentException.class, () -> ChartColumn.number("a,b", 2));
    assertThrows(IllegalArgumentException.class, () -> ChartColumn.number("a", 12));
  }
}
