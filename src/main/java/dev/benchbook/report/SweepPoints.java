package dev.benchbook.report;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SweepSpec;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds a sweep's points from its results file. */
final class SweepPoints {

  private SweepPoints() {
  }

  /**
   * The points of a sweep file: configs are stored strategy by strategy, each over the sweep's
   * values in order, so the i-th config of a strategy sits at the i-th value.
   */
  static List<SweepPoint> of(RunFile f) {
    SweepSpec spec = f.sweep().orElseThrow();
    List<SweepPoint> points = new ArrayList<>();
    int n = spec.values().size();
    List<ConfigResult> configs = f.configs();
    for (int i = 0; i < configs.size(); i++) {
      points.add(Sweeps.point(configs.get(i), spec.values().get(i % n).trim()));
    }
    return points;
  }
}
