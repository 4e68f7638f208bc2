package dev.benchbook.format;

import java.util.Map;

/**
 * How much room text output has: the width in characters, whether to show everything
 * ({@code wide}: no columns elided, no cell or row cut), and how to tell the reader to see
 * what was left out.
 *
 * @param width characters per line
 * @param wide show every column, cell and row
 * @param maxRows tables longer than this show their head and tail only
 * @param howToSeeAll the words that tell how to see what was cut, e.g. {@code --wide}
 */
public record Layout(int width, boolean wide, int maxRows, String howToSeeAll) {

  /** The width when the terminal's is unknown. */
  public static final int DEFAULT_WIDTH = 120;
  /** Tables up to this many rows are shown whole. */
  public static final int MAX_ROWS = 60;
  /** Rows shown from the top of a longer table. */
  public static final int HEAD_ROWS = 50;
  /** Rows shown from the bottom of a longer table. */
  public static final int TAIL_ROWS = 5;
  /** The narrowest width a layout accepts. */
  public static final int MIN_WIDTH = 20;

  /** Checks the numbers. */
  public Layout {
    if (width < MIN_WIDTH || maxRows < HEAD_ROWS + TAIL_ROWS) {
      throw new IllegalArgumentException("layout width must be >= " + MIN_WIDTH + " and max rows"
          + " >= " + (HEAD_ROWS + TAIL_ROWS) + "; got " + width + " and " + maxRows);
    }
    howToSeeAll = howToSeeAll == null ? "" : howToSeeAll;
  }

  /** A command's layout: $COLUMNS of {@code env} when set and sensible, else 120. */
  public static Layout terminal(Map<String, String> env, boolean wide) {
    return new Layout(width(env), wide, MAX_ROWS, "--wide shows all, --format vertical one "
        + "record per block");
  }

  /** A fixed width (notebooks: their outputs must not depend on the terminal). */
  public static Layout of(int width, String howToSeeAll) {
    return new Layout(width, false, MAX_ROWS, howToSeeAll);
  }

  /** The width from {@code COLUMNS}, else {@link #DEFAULT_WIDTH}. */
  public static int width(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int w = Integer.parseInt(columns.trim());
        if (w >= MIN_WIDTH && w <= 10_000) {
          return w;
        }
      } catch (NumberFormatException e) {
        // not a number: the default below
      }
    }
    return DEFAULT_WIDTH;
  }

  /** The same layout showing everything. */
  public Layout everything() {
    return new Layout(width, true, maxRows, howToSeeAll);
  }
}
