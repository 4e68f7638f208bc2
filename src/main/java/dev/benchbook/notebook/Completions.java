package dev.benchbook.notebook;

import java.util.List;

/**
 * Completion candidates for the text between {@code start} and {@code end} (cursor offsets).
 *
 * @param start offset where the replaced text begins
 * @param end offset where it ends (the cursor)
 * @param matches candidate replacements, best first, without duplicates
 */
public record Completions(int start, int end, List<String> matches) {

  /** Copies the matches. */
  public Completions {
    matches = List.copyOf(matches);
  }
}
