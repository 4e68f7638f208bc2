package dev.benchbook.format;

/**
 * A value with the text people should see for it, e.g. {@code 40.95 ms} for 40.9512: text
 * formats show {@code text}, machine formats (CSV, JSON) write {@code value}.
 *
 * @param value the value as written by machine formats (String, Integer, Long, Double or null)
 * @param text what text formats show
 */
public record Cell(Object value, String text) {

  /** Checks that there is a text. */
  public Cell {
    if (text == null) {
      throw new IllegalArgumentException("a cell needs a text (may be empty)");
    }
  }
}
