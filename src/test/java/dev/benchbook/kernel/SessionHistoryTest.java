package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** History requests answered as IPython does: tail, range, glob search, unique, outputs. */
class SessionHistoryTest {

  private static SessionHistory history(String... inputs) {
    SessionHistory h = new SessionHistory();
    for (int i = 0; i < inputs.length; i++) {
      h.add(i + 1, inputs[i]);
    }
    return h;
  }

  private static List<Integer> lines(List<SessionHistory.Entry> entries) {
    return entries.stream().map(SessionHistory.Entry::line).toList();
  }

  @Test
  void tailIsTheLastCells() {
    SessionHistory h = history("a", "b", "c");
    assertEquals(List.of(2, 3), lines(h.tail(2)));
    assertEquals(List.of(1, 2, 3), lines(h.tail(10)));
    assertEquals(List.of(), lines(h.tail(0)));
  }

  @Test
  void rangeIsStartInclusiveStopExclusiveInThisSessionOnly() {
    SessionHistory h = history("a", "b", "c", "d");
    assertEquals(List.of(2, 3), lines(h.range(SessionHistory.SESSION, 2, 4)));
    assertEquals(List.of(2, 3), lines(h.range(0, 2, 4)));
    assertEquals(List.of(3, 4), lines(h.range(0, 3, 0)));
    assertEquals(List.of(), lines(h.range(-1, 1, 4)));
  }

  @Test
  void searchMatchesWholeInputsByGlobAndKeepsTheLastN() {
    SessionHistory h = history("6 * 7", "int x = 1;", "6 * 7", "6 + 7", "6 * 7");
    assertEquals(List.of(1, 3, 4, 5), lines(h.search("6 * 7", 0, false)));
    assertEquals(List.of(1, 3, 5), lines(h.search("6 [*] 7", 0, false)));
    assertEquals(List.of(3, 5), lines(h.search("6 [*] 7", 2, false)));
    assertEquals(List.of(1, 3, 4, 5), lines(h.search("6 ? 7", 0, false)));
    assertEquals(List.of(4, 5), lines(h.search("6 ? 7", 0, true)));
    assertEquals(List.of(2), lines(h.search("int*", 0, false)));
    assertEquals(List.of(), lines(h.search("int", 0, false)));
  }

  @Test
  void globSetsAndNegatedSetsAndLiteralRegexCharacters() {
    assertTrue(SessionHistory.glob("[abc]x").matcher("bx").matches());
    assertFalse(SessionHistory.glob("[^abc]x").matcher("bx").matches());
    assertTrue(SessionHistory.glob("[^abc]x").matcher("dx").matches());
    assertTrue(SessionHistory.glob("a.b(c)").matcher("a.b(c)").matches());
    assertFalse(SessionHistory.glob("a.b").matcher("axb").matches());
    assertTrue(SessionHistory.glob("for*}").matcher("for (;;) {\n}").matches());
  }

  @Test
  void outputIsRecordedForItsCell() {
    SessionHistory h = history("1 + 1", "int y = 2;");
    h.output(1, "2");
    assertEquals(Optional.of("2"), h.tail(2).get(0).output());
    assertEquals(Optional.empty(), h.tail(2).get(1).output());
  }
}
