package dev.benchbook.notebook;

import java.util.Optional;

/**
 * What a cell ended with: the value of its last expression, or the error that stopped it.
 *
 * @param result the display of the last expression's value (absent for statements, void or null)
 * @param error why the cell stopped early (absent when it ran to the end)
 */
public record CellOutcome(Optional<DisplayData> result, Optional<CellError> error) {

  /** True when the cell ran to its end. */
  public boolean ok() {
    return error.isEmpty();
  }

  static CellOutcome success(Optional<DisplayData> result) {
    return new CellOutcome(result, Optional.empty());
  }

  static CellOutcome failure(CellError error) {
    return new CellOutcome(Optional.empty(), Optional.of(error));
  }
}
