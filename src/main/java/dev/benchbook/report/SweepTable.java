package dev.benchbook.report;

import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Per strategy: throughput and P95/P99 lock_wait at each sweep point, with the knee named. */
public final class SweepTable {

  private SweepTable() {
  }

  /** The same as a document: per strategy a heading, the table and its knee sentence. */
  public static dev.benchbook.format.Document document(String parameter,
      List<SweepPoint> points) {
    dev.benchbook.format.Document.Builder d = dev.benchbook.format.Document.builder();
    for (Map.Entry<String, List<SweepPoint>> e : Sweeps.byStrategy(points).entrySet()) {
      Optional<SweepPoint> knee = Sweeps.knee(e.getValue());
      d.heading(3, e.getKey()).table(MarkdownTable.table(List.of(parameter, "Trans/s",
          "P95 lock_wait", "P99 lock_wait"), rows(e.getValue(), knee)))
          .paragraph(kneeSentence(parameter, e.getValue(), knee));
    }
    return d.build();
  }

  private static List<List<String>> rows(List<SweepPoint> points, Optional<SweepPoint> knee) {
    List<List<String>> rows = new ArrayList<>();
    for (SweepPoint p : points) {
      boolean isKnee = knee.isPresent() && knee.get() == p;
      rows.add(List.of(p.value() + (isKnee ? " (knee)" : ""),
          String.format(Locale.US, "%,.0f", p.transitionsPerS()),
          String.format(Locale.ROOT, "%.3f ms", p.p95LockWaitMs()),
          String.format(Locale.ROOT, "%.3f ms", p.p99LockWaitMs())));
    }
    return rows;
  }

  /** One Markdown table per strategy, each followed by its knee sentence. */
  public static String markdown(String parameter, List<SweepPoint> points) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<SweepPoint>> e : Sweeps.byStrategy(points).entrySet()) {
      Optional<SweepPoint> knee = Sweeps.knee(e.getValue());
      List<List<String>> rows = rows(e.getValue(), knee);
      sb.append("### ").append(e.getKey()).append("\n\n");
      sb.append(MarkdownTable.render(List.of(parameter, "Trans/s", "P95 lock_wait",
          "P99 lock_wait"), rows));
      sb.append('\n').append(kneeSentence(parameter, e.getValue(), knee)).append("\n\n");
    }
    return sb.toString();
  }

  private static String kneeSentence(String parameter, List<SweepPoint> pts,
      Optional<SweepPoint> knee) {
    if (knee.isEmpty()) {
      return "No knee: P95 lock_wait never exceeded " + (int) Sweeps.KNEE_FACTOR
          + "x its value at " + parameter + "=" + pts.get(0).value() + ".";
    }
    return String.format(Locale.ROOT, "Knee at %s=%s: P95 lock_wait %.3f ms > %dx %.3f ms at %s=%s.",
        parameter, knee.get().value(), knee.get().p95LockWaitMs(), (int) Sweeps.KNEE_FACTOR,
        pts.get(0).p95LockWaitMs(), parameter, pts.get(0).value());
  }
}
