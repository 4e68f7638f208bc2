package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.RunSummarizer;
import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.results.RunFile;
import dev.benchbook.runtime.MachineInfo;
import dev.benchbook.runtime.RunOutcome;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How a measured run becomes a results file: as a matrix, a mitigation run or a sweep. */
@FunctionalInterface
public interface Summary {

  /** Builds the results file from what the run measured. */
  RunFile summarize(RunOutcome outcome, MachineInfo machine, Map<String, Object> parameters);

  /** A matrix file: every config listed under {@code configs}. */
  static Summary matrix() {
    return (o, m, p) -> RunSummarizer.matrix(o, m, p, "matrix");
  }

  /** A mitigation file: the plan's first config is the baseline, the others mitigations. */
  static Summary mitigation(CompareOptions options) {
    return (o, m, p) -> RunSummarizer.mitigation(o, m, p, options);
  }

  /** A sweep file over {@code parameter}; {@code valueOf} maps a config id to its value. */
  static Summary sweep(String parameter, List<String> values, Function<String, String> valueOf) {
    return (o, m, p) -> {
      List<SweepPoint> points = RunSummarizer.configs(o).stream()
          .map(c -> dev.benchbook.analysis.Sweeps.point(c, valueOf.apply(c.id()))).toList();
      return RunSummarizer.sweep(o, m, p, parameter, values, points);
    };
  }
}
