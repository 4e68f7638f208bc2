package dev.benchbook.cli;

import picocli.CommandLine.Option;

/** The single-config flags of mitigate and sweep: one worker count, one latency profile. */
public final class PointOptions {

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Workers (default: ${DEFAULT-VALUE}).")
  int concurrency = 10;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "API latency profile: zero, fast or realistic (default: ${DEFAULT-VALUE}).")
  String profile = "zero";

  /** Checks the worker count, naming the flag. */
  void validate() {
    checkConcurrency(concurrency);
  }

  /** Fails with a message naming {@code --concurrency} when {@code c} is out of range. */
  static void checkConcurrency(int c) {
    if (c < 1 || c > 1024) {
      throw new IllegalArgumentException("--concurrency values must be in [1, 1024], got " + c);
    }
  }
}
