package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.analysis.Fairness;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.format.Table;

/**
 * The contention table of a set of configs: the lock_wait tail beside its P95, how the work
 * was shared among workers, the lock share and the contention score (figures from
 * {@code analysis.Contention} and {@code analysis.Fairness}).
 */
public final class FairnessTable {

  private static final List<String> HEADER = List.of("Config", "P95 lock_wait", "P99.9 lock_wait",
      "max lock_wait", "Per worker min/median/max", "Jain", "Starved", "Lock share",
      "Waiting share");

  private FairnessTable() {
  }

  /** The table, or an empty string when no config has lock_wait stats. */
  public static String markdown(List<ConfigResult> configs) {
    return markdown(configs, configs.stream().map(ConfigResult::id).toList());
  }

  /** The table with the first column labelled by {@code labels} (one per config). */
  public static String markdown(List<ConfigResult> configs, List<String> labels) {
    return table(configs, labels).map(t -> Format.MARKDOWN.render(t, Layout.of(
        Layout.DEFAULT_WIDTH, ""))).orElse("");
  }

  /** The table as the output model's, absent when no config has lock_wait stats. */
  public static Optional<Table> table(List<ConfigResult> configs, List<String> labels) {
    if (configs.stream().noneMatch(c -> c.segments().containsKey(Segment.LOCK_WAIT.key()))) {
      return Optional.empty();
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      ConfigResult c = configs.get(i);
      SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
      List<String> row = new ArrayList<>();
      row.add(labels.get(i));
      row.add(ms(lw == null ? null : lw.p95Ms()));
      row.add(ms(lw == null ? null : lw.p999Ms()));
      row.add(ms(lw == null ? null : lw.maxMs()));
      row.add(c.fairness().map(FairnessTable::perWorker).orElse("-"));
      row.add(c.fairness().map(f -> String.format(Locale.ROOT, "%.2f", f.jainIndex()))
          .orElse("-"));
      row.add(c.fairness().map(FairnessTable::starved).orElse("-"));
      row.add(Contention.lockShare(c).map(FairnessTable::pct).orElse("-"));
      row.add(Contention.score(c).isPresent() ? pct(Contention.score(c).getAsDouble()) : "-");
      rows.add(row);
    }
    return Optional.of(MarkdownTable.table(HEADER, rows));
  }

  /** The sentence under the table saying what its columns mean. */
  public static String legend() {
    return "Per worker: transitions committed by one worker in one repetition. Jain: Jain's "
        + "fairness index over workers (1 = even, 1/workers = one worker did everything), worst "
        + "repetition. Starved: workers below "
        + Math.round(100 * Fairness.STARVED_BELOW_SHARE)
        + "% of their fair share, worst repetition. Lock share: mean lock_wait / mean "
        + "db_total. Waiting share: the contention score, time all workers spent waiting for "
        + "the write lock over workers x wall time.";
  }

  /** E.g. {@code 4/4/572}. */
  static String perWorker(WorkerFairness f) {
    return f.minPerWorker() + "/" + trim(f.medianPerWorker()) + "/" + f.maxPerWorker();
  }

  /** E.g. {@code 8 of 10}. */
  static String starved(WorkerFairness f) {
    return f.starvedWorkers() + " of " + f.workers();
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String ms(Double v) {
    return v == null ? "-" : Contention.ms(v) + " ms";
  }
}
