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

  /** What the samples are and are not. */
  public static String legend(String jfrFile) {
    return "Method samples of the benchmark threads during the measured passes (warmups and "
        + "ceiling probes excluded), from `" + jfrFile + "` (Java Flight Recorder, 10 ms "
        + "period; open it in JDK Mission Control or `jfr print`). The JVM samples up to five "
        + "threads running Java code but only one thread in native code per period, so native "
        + "time (SQLite, sleeping or parked threads) is under-counted against Java time: "
        + "compare configs category by category rather than adding categories up. Waiting for "
        + "the lock: sleeping in the busy handler or parked on a Java lock or queue; held work: "
        + "--hold-ms inside the transaction.";
  }
}
