package dev.benchbook.report;

import dev.benchbook.analysis.WhereTimeWent;
import dev.benchbook.results.ConfigProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Where the time went": a run's JFR method samples per config, by category and top frame. */
public final class ProfileTable {

  /** Top frames listed per config in the report. */
  public static final int FRAMES = 5;

  private ProfileTable() {
  }

  /** Share of each category in each config's samples. */
  public static String categories(List<ConfigProfile> profiles) {
    List<String> header = new ArrayList<>(List.of("Config", "Samples"));
    header.addAll(WhereTimeWent.CATEGORIES);
    List<List<String>> rows = new ArrayList<>();
    for (ConfigProfile p : profiles) {
      List<String> row = new ArrayList<>(List.of(p.config(), Long.toString(p.samples())));
      for (String c : WhereTimeWent.CATEGORIES) {
        long n = p.categories().getOrDefault(c, 0L);
        row.add(p.samples() == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%",
            100.0 * n / p.samples()));
      }
      rows.add(row);
    }
    return MarkdownTable.render(header, rows);
  }

  /** Seconds each config's threads spent waiting, per wait category (all threads summed). */
  public static String waits(List<ConfigProfile> profiles) {
    List<String> header = new ArrayList<>(List.of("Config"));
    WhereTimeWent.WAITS.forEach(w -> header.add(w + " (s)"));
    List<List<String>> rows = new ArrayList<>();
    for (ConfigProfile p : profiles) {
      List<String> row = new ArrayList<>(List.of(p.config()));
      for (String w : WhereTimeWent.WAITS) {
        row.add(String.format(Locale.ROOT, "%.2f", p.waitedMs().getOrDefault(w, 0.0) / 1000));
      }
      rows.add(row);
    }
    return MarkdownTable.render(header, rows);
  }

  /** The frames most often on top of the stack, {@link #FRAMES} per config. */
  public static String topFrames(List<ConfigProfile> profiles) {
    List<List<String>> rows = new ArrayList<>();
    for (ConfigProfile p : profiles) {
      for (ConfigProfile.FrameSamples f : p.topFrames().subList(0,
          Math.min(FRAMES, p.topFrames().size()))) {
        rows.add(List.of(p.config(), "`" + f.frame() + "`", f.category(),
            Long.toString(f.samples())));
      }
    }
    return MarkdownTable.render(List.of("Config", "Top frame", "Category", "Samples"), rows);
  }

  /** What the samples and waits are and are not. */
  public static String legend(String jfrFile) {
    return "From `" + jfrFile + "` (Java Flight Recorder; open it in JDK Mission Control or "
        + "with `jfr print`), benchmark threads only, measured passes only (warmups and ceiling "
        + "probes excluded). First table: method samples every 10 ms by the code on top of the "
        + "stack; the JVM samples up to five threads running Java code but one thread in native "
        + "code (SQLite) per period, so native time is under-counted against Java time, and "
        + "parked or sleeping threads are never sampled. Second table: the time those threads "
        + "spent parked, sleeping or blocked, summed over threads, from every wait event: "
        + "waiting for the lock (busy handler sleeps, a Java lock, the writer queue), the "
        + "simulated API call, work held inside the transaction (--hold-ms), the writer-queue "
        + "writer waiting for work.";
  }
}
