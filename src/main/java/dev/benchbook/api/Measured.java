package dev.benchbook.api;

import dev.benchbook.results.RunFile;
import dev.benchbook.rows.RawRows;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run just measured: its results file content and its raw rows, not yet written.
 *
 * @param file the results file content
 * @param rows raw rows of every measured pass
 * @param recording the Java Flight Recorder file of the run ({@code --jfr}), in the data folder
 *     until the results are written beside it
 */
public record Measured(RunFile file, RawRows rows, Optional<Path> recording) {

  /** Normalises an absent recording. */
  public Measured {
    recording = recording == null ? Optional.empty() : recording;
  }

  /** A run measured without a recording. */
  public Measured(RunFile file, RawRows rows) {
    this(file, rows, Optional.empty());
  }
}
