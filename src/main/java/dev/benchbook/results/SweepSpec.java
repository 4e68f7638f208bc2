package dev.benchbook.results;

import java.util.List;
import java.util.Map;

/**
 * What a sweep varied and where each strategy's knee is.
 *
 * @param parameter varied parameter, e.g. {@code concurrency}
 * @param values the values, in order, as strings
 * @param knees per strategy, the first value where P95 lock_wait exceeds 10x its first value
 *     (absent key when no knee was found)
 */
public record SweepSpec(String parameter, List<String> values, Map<String, String> knees) {

  /** Copies collections; knees sorted by strategy so every rendering has one order. */
  public SweepSpec {
    values = List.copyOf(values);
    knees = knees == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(knees));
  }
}
