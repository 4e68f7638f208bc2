package dev.benchbook.report;

import dev.benchbook.analysis.Contention;
import dev.benchbook.analysis.Winner;
import dev.benchbook.charts.ChartStyle;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.rows.Segment;
import dev.benchbook.workload.Strategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The section "Compared with the seed's phase 14": the seed's published P95 deltas and ratio
 * next to this run's, and where the two regimes differ.
 */
final class SeedComparison {

  /** Where the seed's reconstructed file lives under a data folder. */
  static final String SEED_FILE = "seed-phase-14/results-mitigation-20260222-114707.json";

  private SeedComparison() {
  }

  /** Adds the section to the page when both files hold a comparison. */
  static void add(RunFile run, RunFile seed, ReportPage page) {
    Optional<Comparison> ours = ours(run);
    Optional<Comparison> theirs = seed.allComparisons().stream().findFirst();
    if (ours.isEmpty() || theirs.isEmpty()) {
      return;
    }
    page.heading("Compared with the seed's phase 14");
    page.table(List.of("Figure", "Seed (" + theirs.get().mitigationConfig() + ")", "This run ("
        + ours.get().mitigationConfig() + ")"), rows(theirs.get(), ours.get()));
    page.paragraph(differences(seed, run, ours.get()));
  }

  /** Our comparison set against the seed's: the shared-connection one, else the winner. */
  static Optional<Comparison> ours(RunFile run) {
    List<Comparison> all = run.allComparisons();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return all.stream().filter(c -> run.config(c.mitigationConfig())
        .map(m -> m.strategy().equals(Strategies.SHARED_CONNECTION.name())).orElse(false))
        .findFirst()
        .or(() -> Optional.of(Winner.of(all, run::config).map(Winner.Standing::comparison)
            .orElse(all.get(0))));
  }

  private static List<List<String>> rows(Comparison seed, Comparison ours) {
    List<List<String>> rows = new ArrayList<>();
    for (Segment s : Segment.SEED_ORDER) {
      Optional<SegmentDelta> a = seed.row(s);
      Optional<SegmentDelta> b = ours.row(s);
      if (a.isPresent() || b.isPresent()) {
        rows.add(List.of("P95 " + s.key() + " (baseline to mitigation)", cell(a), cell(b)));
      }
    }
    rows.add(List.of("Throughput ratio", ratio(seed), ratio(ours)));
    return rows;
  }

  private static String cell(Optional<SegmentDelta> row) {
    return row.map(r -> String.format(Locale.ROOT, "%s to %s ms (%+.1f%%)",
        ms(r.baselineP95Ms()), ms(r.mitigationP95Ms()), r.deltaPct())).orElse("-");
  }

  /** Two decimals, as the seed published its P95s, below 0.1 ms three significant digits. */
  private static String ms(double v) {
    return v >= 0.1 ? String.format(Locale.ROOT, "%.2f", v) : Contention.ms(v);
  }

  private static String ratio(Comparison c) {
    return ChartStyle.ratio(c.throughput().ratio()) + c.throughput().verdict()
        .map(v -> " (" + v.label() + ")").orElse("");
  }

  /** Says plainly where the regimes differ, from the two files' configs. */
  private static String differences(RunFile seed, RunFile run, Comparison ours) {
    ConfigResult theirBase = seed.baseline().orElseThrow();
    ConfigResult ourBase = run.config(ours.baselineConfig()).orElseThrow();
    List<String> diffs = new ArrayList<>();
    if (theirBase.concurrency() != ourBase.concurrency()) {
      diffs.add(theirBase.concurrency() + " workers there, " + ourBase.concurrency() + " here");
    }
    if (!theirBase.profile().equals(ourBase.profile())) {
      diffs.add("the " + theirBase.profile() + " latency profile there, " + ourBase.profile()
          + " here");
    }
    double hold = ourBase.workload().map(WorkloadSpec::holdMs).orElse(0.0);
    if (hold > 0) {
      diffs.add(String.format(Locale.ROOT, "no work held in the transaction there, %s ms here",
          Contention.ms(hold)));
    }
    String regime = diffs.isEmpty() ? "The configs match (" + ourBase.id() + ")."
        : "Where the regimes differ: " + String.join("; ", diffs) + ".";
    return regime + " The seed measured with Python asyncio + aiosqlite, whose one shared "
        + "connection interleaved the workers' statements inside one transaction (not atomic: "
        + "one COMMIT published the others' writes, an accidental group commit); benchbook's "
        + "workers are Java threads on sqlite-jdbc, and its shared-connection strategy holds the "
        + "connection for a whole transaction. The seed's workers yielded at every await, so its "
        + "contention showed as many medium waits (P95 near 40 ms); here a waiter sleeps in "
        + "SQLite's busy handler and contention shows as starved workers and a long tail (see "
        + "docs/CONTENTION.md). Seed figures: one repetition, no intervals.";
  }
}
