package dev.benchbook.report;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.results.RunFile;
import java.util.List;

/** Rebuilds a sweep's points from its results file. */
final class SweepPoints {

  private SweepPoints() {
  }

  /** The points of a sweep file (see {@link Sweeps#points(RunFile)}). */
  static List<SweepPoint> of(RunFile f) {
    return Sweeps.points(f);
  }
}
