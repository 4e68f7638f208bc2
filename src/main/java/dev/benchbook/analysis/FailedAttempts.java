package dev.benchbook.analysis;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attempts that did not commit, counted from raw rows by config, edge, outcome and what
 * failed: conflicts, busy errors, rollbacks and failures of the workload's code (named by the
 * run's error dictionary: an SQLite error or an exception class).
 *
 * @param config config id
 * @param fromState state the attempt left
 * @param toState state it was to reach (its own state when the dispatch hook threw)
 * @param outcome the outcome's label
 * @param error what failed: the dictionary's name of the row's error code, empty when none
 * @param attempts how many attempts
 */
public record FailedAttempts(String config, String fromState, String toState, String outcome,
    String error, long attempts) {

  /** Every group of non-committed attempts, in config, edge, outcome and error order. */
  public static List<FailedAttempts> of(RawRows rows, Map<String, String> errorNames) {
    int[] errors = rows.has(Column.ERROR) ? rows.ints(Column.ERROR) : null;
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, FailedAttempts> keys = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Outcome o = Outcome.of(rows.outcome()[i]);
      if (o == Outcome.COMMITTED) {
        continue;
      }
      int code = errors == null ? 0 : errors[i];
      String error = code == 0 ? "" : errorNames.getOrDefault(Integer.toString(code),
          "error code " + code);
      FailedAttempts k = new FailedAttempts(rows.configIds().get(rows.config()[i]),
          rows.stateNames().get(rows.fromState()[i]), rows.stateNames().get(rows.toState()[i]),
          o.label(), error, 0);
      String key = String.join("\u0000", k.config, k.fromState, k.toState, k.outcome, k.error);
      keys.putIfAbsent(key, k);
      counts.computeIfAbsent(key, x -> new long[1])[0]++;
    }
    List<FailedAttempts> out = new ArrayList<>();
    keys.forEach((key, k) -> out.add(new FailedAttempts(k.config, k.fromState, k.toState,
        k.outcome, k.error, counts.get(key)[0])));
    return out;
  }
}
