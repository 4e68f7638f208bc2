package dev.benchbook.analysis;

import dev.benchbook.results.WorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What differs between two workloads, field by field, as {@code field baseline vs mitigation}. */
public final class WorkloadDiff {

  private WorkloadDiff() {
  }

  /** Every differing field, in declaration order; empty when the workloads match. */
  public static List<String> differences(WorkloadSpec baseline, WorkloadSpec mitigation) {
    List<String> out = new ArrayList<>();
    add(out, "files", baseline.files(), mitigation.files());
    add(out, "flow", baseline.flow(), mitigation.flow());
    add(out, "synchronous", baseline.synchronous(), mitigation.synchronous());
    add(out, "hold_ms", baseline.holdMs(), mitigation.holdMs());
    add(out, "busy_timeout_ms", baseline.busyTimeoutMs(), mitigation.busyTimeoutMs());
    add(out, "failure_probability", baseline.failureProbability(),
        mitigation.failureProbability());
    add(out, "latency", normalise(baseline.latency()), normalise(mitigation.latency()));
    return out;
  }

  private static void add(List<String> out, String field, Object a, Object b) {
    String x = text(a);
    String y = text(b);
    if (!x.equals(y)) {
      out.add(field + " " + x + " vs " + y);
    }
  }

  private static Map<String, String> normalise(Map<String, Object> map) {
    Map<String, String> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, text(v)));
    return out;
  }

  private static String text(Object value) {
    if (value instanceof Number && !(value instanceof BigDecimal)) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      }
    }
    return String.valueOf(value);
  }
}
