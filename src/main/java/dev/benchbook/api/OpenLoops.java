package dev.benchbook.api;

import dev.benchbook.analysis.OpenLoopRates;
import dev.benchbook.analysis.RateSweeps;
import dev.benchbook.analysis.RunSummarizer;
import dev.benchbook.charts.LatencyThroughputChart;
import dev.benchbook.charts.OpenLoopLatencyChart;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.List;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The facade's open-loop views: rates and queue/response percentiles, and their charts. */
final class OpenLoops {

  private OpenLoops() {
  }

  /** One row per open-loop config of the run (none: an empty table). */
  static Table table(LoadedRun run) {
    Table t = Table.create(run.name() + " open loop", StringColumn.create("config"),
        StringColumn.create("arrivals"), DoubleColumn.create("requested_per_s"),
        DoubleColumn.create("scheduled_per_s"), DoubleColumn.create("achieved_per_s"),
        BooleanColumn.create("kept_up"), DoubleColumn.create("queue_wait_p50_ms"),
        DoubleColumn.create("queue_wait_p95_ms"), DoubleColumn.create("queue_wait_p99_ms"),
        DoubleColumn.create("response_p50_ms"), DoubleColumn.create("response_p99_ms"),
        DoubleColumn.create("response_p999_ms"), DoubleColumn.create("response_max_ms"),
        DoubleColumn.create("fsm_net_p99_ms"));
    for (ConfigResult c : run.run().allConfigs()) {
      if (c.openLoop().isEmpty()) {
        continue;
      }
      OpenLoop o = c.openLoop().get();
      SegmentStats q = c.segment(Segment.QUEUE_WAIT);
      SegmentStats r = c.segment(Segment.RESPONSE);
      t.stringColumn("config").append(c.id());
      t.stringColumn("arrivals").append(o.arrivals());
      t.doubleColumn("requested_per_s").append(o.requestedRatePerS());
      t.doubleColumn("scheduled_per_s").append(o.scheduledRatePerS());
      t.doubleColumn("achieved_per_s").append(o.achievedRatePerS());
      t.booleanColumn("kept_up").append(!OpenLoopRates.saturated(o));
      t.doubleColumn("queue_wait_p50_ms").append(q.p50());
      t.doubleColumn("queue_wait_p95_ms").append(q.p95());
      t.doubleColumn("queue_wait_p99_ms").append(q.p99());
      t.doubleColumn("response_p50_ms").append(r.p50());
      t.doubleColumn("response_p99_ms").append(r.p99());
      t.doubleColumn("response_p999_ms").append(orNaN(r.p999Ms()));
      t.doubleColumn("response_max_ms").append(orNaN(r.maxMs()));
      t.doubleColumn("fsm_net_p99_ms").append(c.segment(Segment.FSM_NET).p99());
    }
    return t;
  }

  /** Response vs service time by percentile of every open-loop config (needs raw rows). */
  static PlottedChart<XYChart> chart(LoadedRun run) {
    List<String> ids = run.run().allConfigs().stream().filter(c -> c.openLoop().isPresent())
        .map(ConfigResult::id).toList();
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(run.path().getFileName() + " has no open-loop config "
          + "(measured with --rate)");
    }
    return OpenLoopLatencyChart.of(run.rows().orElseThrow(() -> new IllegalArgumentException(
        run.path().getFileName() + " has no raw rows")), ids);
  }

  /** The latency-throughput curve of a rate sweep ({@code sweep --vary rate=...}). */
  static PlottedChart<XYChart> latencyThroughput(LoadedRun run) {
    boolean rateSweep = run.run().sweep().map(s -> RunSummarizer.RATE.equals(s.parameter()))
        .orElse(false);
    if (!rateSweep) {
      throw new IllegalArgumentException(run.path().getFileName() + " is not a rate sweep "
          + "(sweep --vary rate=...)");
    }
    return LatencyThroughputChart.of(RateSweeps.points(run.run().configs(),
        run.run().sweep().get().values()));
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
