package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Jupyter's code point cursors against Java's UTF-16 offsets. */
class CursorTest {

  private static final String CODE = "var s = \"\uD83D\uDCC8\"; s.len";

  @Test
  void offsetsAgreeBeforeAnAstralCharacterAndShiftByOneAfterIt() {
    assertEquals(9, Cursor.toChars(CODE, 9));
    assertEquals(CODE.length(), Cursor.toChars(CODE, CODE.length() - 1));
    assertEquals(CODE.length() - 1, Cursor.toCodePoints(CODE, CODE.length()));
    assertEquals(9, Cursor.toCodePoints(CODE, 9));
  }

  @Test
  void outOfRangeCursorsAreClamped() {
    assertEquals(CODE.length(), Cursor.toChars(CODE, 1_000));
    assertEquals(0, Cursor.toChars(CODE, -3));
    assertEquals(0, Cursor.toCodePoints(CODE, -3));
  }
}
