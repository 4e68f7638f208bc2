package dev.benchbook.results;

import dev.benchbook.rows.Segment;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Segment stats of loaded runs as one Tablesaw table: a row per run, config and segment, with
 * columns {@link #COLUMNS}; values a file does not carry (reconstructed files) are missing.
 */
public final class StatsTable {

  /** Column names in table order. */
  public static final List<String> COLUMNS = List.of("run", "config", "strategy", "concurrency",
      "profile", "segment", "count", "mean_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms",
      "p999_ms", "max_ms", "transitions_per_s");

  private StatsTable() {
  }

  /** One table over every config and segment of the runs, in run, config and segment order. */
  public static Table of(List<LoadedRun> runs) {
    Builder b = new Builder();
    for (LoadedRun run : runs) {
      for (ConfigResult c : run.run().allConfigs()) {
        for (Segment s : Segment.values()) {
          SegmentStats stats = c.segments().get(s.key());
          if (stats != null) {
            b.add(run.name(), c, s.key(), stats);
          }
        }
        addUnknownSegments(b, run.name(), c);
      }
    }
    return b.table();
  }

  private static void addUnknownSegments(Builder b, String run, ConfigResult c) {
    for (Map.Entry<String, SegmentStats> e : c.segments().entrySet()) {
      if (Segment.byKey(e.getKey()).isEmpty()) {
        b.add(run, c, e.getKey(), e.getValue());
      }
    }
  }

  /** Column-wise accumulation of rows. */
  private static final class Builder {
    final StringColumn run = StringColumn.create("run");
    final StringColumn config = StringColumn.create("config");
    final StringColumn strategy = StringColumn.create("strategy");
    final IntColumn concurrency = IntColumn.create("concurrency");
    final StringColumn profile = StringColumn.create("profile");
    final StringColumn segment = StringColumn.create("segment");
    final LongColumn count = LongColumn.create("count");
    final DoubleColumn mean = DoubleColumn.create("mean_ms");
    final DoubleColumn p50 = DoubleColumn.create("p50_ms");
    final DoubleColumn p90 = DoubleColumn.create("p90_ms");
    final DoubleColumn p95 = DoubleColumn.create("p95_ms");
    final DoubleColumn p99 = DoubleColumn.create("p99_ms");
    final DoubleColumn p999 = DoubleColumn.create("p999_ms");
    final DoubleColumn max = DoubleColumn.create("max_ms");
    final DoubleColumn tps = DoubleColumn.create("transitions_per_s");

    void add(String runName, ConfigResult c, String key, SegmentStats s) {
      run.append(runName);
      config.append(c.id());
      strategy.append(c.strategy());
      concurrency.append(c.concurrency());
      profile.append(c.profile());
      segment.append(key);
      if (s.count() == null) {
        count.appendMissing();
      } else {
        count.append(s.count());
      }
      put(mean, s.meanMs());
      put(p50, s.p50Ms());
      put(p90, s.p90Ms());
      put(p95, s.p95Ms());
      put(p99, s.p99Ms());
      put(p999, s.p999Ms());
      put(max, s.maxMs());
      tps.append(c.transitionsPerS());
    }

    private static void put(DoubleColumn col, Double value) {
      if (value == null) {
        col.appendMissing();
      } else {
        col.append(value);
      }
    }

    Table table() {
      return Table.create("stats", run, config, strategy, concurrency, profile, segment, count,
          mean, p50, p90, p95, p99, p999, max, tps);
    }
  }
}
