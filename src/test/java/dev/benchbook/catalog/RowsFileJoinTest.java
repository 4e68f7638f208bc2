package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The joins that turn a rows file's state names and outcome labels into codes. */
class RowsFileJoinTest {

  private static final String ROWS = "(VALUES ('A', 'B', 'ok', 1), ('B', 'C', 'bad', 2), "
      + "('C', 'A', 'ok', 3), ('A', 'X', 'ok', 4), ('B', 'C', 'lost', 5)) "
      + "AS r(from_state, to_state, outcome, n)";

  @Test
  void oneJoinOfEveryCombinationGivesWhatOneJoinPerColumnGivesAndLeavesOutUnknownNames()
      throws Exception {
    Map<String, Long> states = new LinkedHashMap<>();
    states.put("A", 11L);
    states.put("B", 22L);
    states.put("C", 33L);
    Map<String, Long> outcomes = new LinkedHashMap<>();
    outcomes.put("ok", 0L);
    outcomes.put("bad", 1L);
    Map<String, Map<String, Long>> codes = new LinkedHashMap<>();
    codes.put("from_state", states);
    codes.put("to_state", states);
    codes.put("outcome", outcomes);
    String combined = RowsFileWriter.codeJoins(codes, 4096);
    String separate = RowsFileWriter.codeJoins(codes, 17);
    assertTrue(combined.indexOf(" JOIN ") == combined.lastIndexOf(" JOIN "), combined);
    assertEquals(3, separate.split(" JOIN ", -1).length - 1, separate);
    List<String> expected = List.of("1 11 22 0", "2 22 33 1", "3 33 11 0");
    assertEquals(expected, rows(combined), "3 x 3 x 2 = 18 combinations, within 4096");
    assertEquals(expected, rows(separate), "18 combinations over 17: one join per column");
  }

  private static List<String> rows(String joins) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DuckDb.open(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT r.n, __benchbook_code0, __benchbook_code1, "
            + "__benchbook_code2 FROM " + ROWS + joins + " ORDER BY r.n")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " "
            + rs.getLong(4));
      }
    }
    return out;
  }
}
