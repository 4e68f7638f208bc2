package dev.benchbook.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Simulated API latency: a log-normal distribution given by its median and log-space sigma.
 *
 * @param name profile name, e.g. {@code zero}, {@code fast}, {@code realistic}
 * @param medianMs median latency in ms; 0 means no API delay at all
 * @param sigma standard deviation of the latency's natural logarithm
 */
public record LatencyProfile(String name, double medianMs, double sigma) {

  /** Validates ranges. */
  public LatencyProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("latency profile name must not be blank");
    }
    if (medianMs < 0 || Double.isNaN(medianMs)) {
      throw new IllegalArgumentException("median_ms must be >= 0 ms, got " + medianMs);
    }
    if (sigma < 0 || Double.isNaN(sigma)) {
      throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
    }
  }

  /** Profile by name: zero (no delay), fast (about 5 ms), realistic (about 2.0 s). */
  public static LatencyProfile named(String name) {
    switch (name) {
      case "zero": return new LatencyProfile("zero", 0, 0);
      case "fast": return new LatencyProfile("fast", 5, 0.25);
      case "realistic": return new LatencyProfile("realistic", 2000, 0.15);
      default: throw new IllegalArgumentException(
          "unknown latency profile '" + name + "'; expected zero, fast or realistic");
    }
  }

  /** True when calls take no time. */
  public boolean isZero() {
    return medianMs == 0;
  }

  /** Draws one latency in nanoseconds. */
  public long drawNs(RandomGenerator rng) {
    if (isZero()) {
      return 0;
    }
    double ms = medianMs * Math.exp(sigma * rng.nextGaussian());
    return (long) (ms * 1_000_000.0);
  }

  /** A description for results files: name, distribution and parameters. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("distribution", isZero() ? "none" : "lognormal");
    m.put("median_ms", medianMs);
    m.put("sigma", sigma);
    return m;
  }
}
