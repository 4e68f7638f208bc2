package dev.benchbook.api;

import dev.benchbook.results.RunFile;
import dev.benchbook.runtime.RawRows;

/**
 * A run just measured: its results file content and its raw rows, not yet written.
 *
 * @param file the results file content
 * @param rows raw rows of every measured pass
 */
public record Measured(RunFile file, RawRows rows) {
}
