package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.analysis.RatePoint;
import dev.benchbook.analysis.RateSweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The table of an open-loop rate sweep: per strategy and rate, throughput and response time. */
public final class RateSweepTable {

  private RateSweepTable() {
  }

  /** The Markdown table, the knee per strategy marked, then one line naming the knees. */
  public static String markdown(List<RatePoint> points) {
    List<String> header = List.of("Strategy", "Requested /s", "Achieved /s", "Kept up",
        "response P50 ms", "response P99 ms", "");
    List<List<String>> rows = new ArrayList<>();
    List<String> kneeText = new ArrayList<>();
    for (Map.Entry<String, List<RatePoint>> e : RateSweeps.byStrategy(points).entrySet()) {
      Optional<RatePoint> knee = RateSweeps.knee(e.getValue());
      for (RatePoint p : e.getValue()) {
        boolean isKnee = knee.map(k -> k.configId().equals(p.configId())).orElse(false);
        rows.add(List.of(e.getKey(), number(p.requestedPerS()), number(p.achievedPerS()),
            p.saturated() ? "no" : "yes", Contention.ms(p.p50ResponseMs()),
            Contention.ms(p.p99ResponseMs()), isKnee ? "knee" : ""));
      }
      kneeText.add(e.getKey() + ": " + knee.map(k -> k.value() + "/s").orElse("none in range"));
    }
    return MarkdownTable.render(header, rows) + "\n" + legend() + " Knees: "
        + String.join("; ", kneeText) + ".\n";
  }

  /** How the knee is found. */
  public static String legend() {
    return "The knee is the first rate whose P99 response time exceeds "
        + String.format(Locale.ROOT, "%.0f", RateSweeps.KNEE_FACTOR) + "x the lowest P99 at "
        + "the rates below it, or that the system could not keep up with (achieved below "
        + "99% of scheduled): where P99 leaves its floor, the saturation point.";
  }

  private static String number(double v) {
    return String.format(Locale.US, "%,.0f", v);
  }
}
