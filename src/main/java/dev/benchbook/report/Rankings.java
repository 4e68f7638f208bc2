package dev.benchbook.report;

import dev.benchbook.analysis.Winner;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ranks the strategies of a mitigation run by the one "which one won?" rule
 * ({@link Winner}): judged improvements first, never a figure within noise.
 */
public final class Rankings {

  private Rankings() {
  }

  /** One Markdown table: the mitigations in the rule's order, then the baseline. */
  public static String markdown(List<ConfigResult> configs, List<Comparison> comparisons) {
    List<List<String>> rows = new ArrayList<>();
    List<Winner.Standing> ranked = Winner.ranked(comparisons, id -> find(configs, id));
    for (Winner.Standing s : ranked) {
      Optional<ConfigResult> c = find(configs, s.comparison().mitigationConfig());
      rows.add(row(Integer.toString(s.place()), c, s.comparison().mitigationConfig(),
          Insights.standing(s)));
    }
    if (!comparisons.isEmpty()) {
      String base = comparisons.get(0).baselineConfig();
      rows.add(row("-", find(configs, base), base, "baseline"));
    }
    return "Ranking (the winner rule: a judged improvement of P95 lock_wait, starvation or "
        + "throughput with no regression; docs/STATISTICS.md)\n\n"
        + MarkdownTable.render(List.of("#", "Strategy", "Outcome", "Trans/s", "P95 lock_wait",
        "P95 fsm_net"), rows);
  }

  private static List<String> row(String place, Optional<ConfigResult> c, String id,
      String outcome) {
    String strategy = c.map(r -> r.strategy() + (r.atomic() ? "" : " NOT ATOMIC")).orElse(id);
    return List.of(place, strategy, outcome,
        c.map(r -> String.format(Locale.US, "%,.0f", r.transitionsPerS())).orElse("-"),
        c.map(r -> p95(r, Segment.LOCK_WAIT)).orElse("-"),
        c.map(r -> p95(r, Segment.FSM_NET)).orElse("-"));
  }

  private static String p95(ConfigResult c, Segment s) {
    SegmentStats stats = c.segments().get(s.key());
    return stats == null || stats.p95Ms() == null ? "-"
        : Digits.pair(stats.p95Ms(), stats.p95Ms())[0] + " ms";
  }

  private static Optional<ConfigResult> find(List<ConfigResult> configs, String id) {
    return configs.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
