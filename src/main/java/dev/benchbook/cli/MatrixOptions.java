package dev.benchbook.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The matrix flags of run and phase: worker counts x latency profiles. */
public final class MatrixOptions {

  @Option(names = "--concurrency", split = ",", paramLabel = "N[,N...]",
      description = "Worker counts (default: 1,10).")
  List<Integer> concurrency = new ArrayList<>(List.of(1, 10));

  @Option(names = "--profile", split = ",", paramLabel = "NAME[,NAME...]",
      description = "API latency profiles: zero, fast, realistic (default: zero,fast,realistic).")
  List<String> profiles = new ArrayList<>(List.of("zero", "fast", "realistic"));

  /** Checks every worker count, naming the flag. */
  void validate() {
    for (int c : concurrency) {
      PointOptions.checkConcurrency(c);
    }
  }
}
