package dev.benchbook.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one config's time went, from a Java Flight Recorder recording of its measured passes:
 * method samples (Java and native) grouped by what code was running, and the time spent
 * waiting grouped by what the thread waited for.
 *
 * @param config config id
 * @param samples method samples taken during the config's measured passes
 * @param categories method samples per category ({@code our code}, {@code JDBC driver},
 *     {@code native SQLite}, {@code JDK and other}), in that order
 * @param topFrames the frames most often on top of the stack, most samples first
 * @param waitedMs time the benchmark threads spent parked, sleeping or blocked, per category
 *     ({@code waiting for the lock}, {@code simulated API call}, {@code held work},
 *     {@code writer idle}, {@code other waits}), from the recording's wait events
 */
public record ConfigProfile(
    String config,
    long samples,
    Map<String, Long> categories,
    List<FrameSamples> topFrames,
    Map<String, Double> waitedMs) {

  /** Copies collections. */
  public ConfigProfile {
    categories = categories == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    topFrames = topFrames == null ? List.of() : List.copyOf(topFrames);
    waitedMs = waitedMs == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(waitedMs));
  }

  /**
   * One top-of-stack frame and how often it was sampled.
   *
   * @param frame class and method, e.g. {@code org.sqlite.core.NativeDB.step}
   * @param category the category of {@link ConfigProfile#categories()} it counts in
   * @param samples samples with this frame on top
   */
  public record FrameSamples(String frame, String category, long samples) {
  }
}
