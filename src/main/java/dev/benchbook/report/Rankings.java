package dev.benchbook.report;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Ranks the strategies of a mitigation run by throughput and by P95 fsm_net. */
public final class Rankings {

  private Rankings() {
  }

  /** Two Markdown tables: by throughput (highest first) and by P95 fsm_net (lowest first). */
  public static String markdown(List<ConfigResult> configs) {
    List<ConfigResult> byTput = new ArrayList<>(configs);
    byTput.sort(Comparator.comparingDouble(ConfigResult::transitionsPerS).reversed());
    List<ConfigResult> byNet = new ArrayList<>(configs);
    byNet.sort(Comparator.comparingDouble(c -> c.segment(Segment.FSM_NET).p95()));
    return "Ranking by throughput\n\n" + table(byTput) + "\nRanking by P95 fsm_net\n\n"
        + table(byNet);
  }

  private static String table(List<ConfigResult> ranked) {
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (ConfigResult c : ranked) {
      rows.add(List.of(Integer.toString(rank++), c.strategy() + (c.atomic() ? "" : " NOT ATOMIC"),
          String.format(Locale.US, "%,.0f", c.transitionsPerS()),
          String.format(Locale.ROOT, "%.2f ms", c.segment(Segment.FSM_NET).p95()),
          String.format(Locale.ROOT, "%.2f ms", c.segment(Segment.LOCK_WAIT).p95())));
    }
    return MarkdownTable.render(List.of("#", "Strategy", "Trans/s", "P95 fsm_net",
        "P95 lock_wait"), rows);
  }
}
