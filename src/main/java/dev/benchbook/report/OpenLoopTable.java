package dev.benchbook.report;

import dev.benchbook.analysis.OpenLoopRates;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The open-loop section of a report: per open-loop config, the requested and achieved arrival
 * rate, whether it kept up, queue_wait percentiles and the response time a user sees (from the
 * intended start) beside the service time alone (fsm_net), with a legend on how to read them.
 */
public final class OpenLoopTable {

  private static final Segment QUEUE_WAIT = Segment.QUEUE_WAIT;
  private static final Segment RESPONSE = Segment.RESPONSE;

  private OpenLoopTable() {
  }

  /** The open-loop configs among {@code configs}, in order. */
  public static List<ConfigResult> openLoop(List<ConfigResult> configs) {
    return configs.stream().filter(c -> c.openLoop().isPresent()).toList();
  }

  /** The Markdown table; empty when no config ran open-loop. */
  public static String markdown(List<ConfigResult> configs) {
    List<ConfigResult> open = openLoop(configs);
    if (open.isEmpty()) {
      return "";
    }
    List<String> header = List.of("Config", "Arrivals", "Requested /s", "Achieved /s (of scheduled)",
        "Kept up", "queue_wait P50/P95/P99 ms", "response P50/P99/P99.9/max ms",
        "fsm_net P99 ms");
    List<List<String>> rows = new ArrayList<>();
    for (ConfigResult c : open) {
      OpenLoop o = c.openLoop().orElseThrow();
      rows.add(List.of(c.id(), o.arrivals(), number(o.requestedRatePerS()),
          number(o.achievedRatePerS()) + String.format(Locale.ROOT, " (%.1f%%)",
              o.achievedPct()),
          OpenLoopRates.saturated(o) ? "no: saturated, the queue grew" : "yes",
          triple(c.segments().get(QUEUE_WAIT.key())),
          response(c.segments().get(RESPONSE.key())),
          single(c.segments().get(Segment.FSM_NET.key()))));
    }
    return MarkdownTable.render(header, rows);
  }

  /** How to read the table and the open-loop latency chart. */
  public static String legend() {
    return "Open loop: transitions were started on a schedule (--rate) whether or not a worker "
        + "was free, as users arrive; one that found every worker busy waited in a queue "
        + "(queue_wait). response is measured from the intended start, so it holds every wait "
        + "a user saw; fsm_net starts when a worker took the transition, as a closed-loop "
        + "benchmark measures, and misses the queue (coordinated omission). In the chart the "
        + "solid line is response and the dashed line of the same colour is service time: "
        + "where they part, the system stopped keeping up. A config that did not keep up "
        + "(achieved below " + Math.round(OpenLoopRates.SATURATED_BELOW * 100) + "% of the "
        + "rate its intended starts came at: the requested rate for constant arrivals, the "
        + "seeded draws' own rate for Poisson) was saturated: its queue grew through the pass and its response times "
        + "grow with the length of the run.";
  }

  private static String number(double v) {
    return String.format(Locale.US, "%,.0f", v);
  }

  private static String ms(Double v) {
    return v == null ? "-" : dev.benchbook.analysis.Contention.ms(v);
  }

  private static String triple(SegmentStats s) {
    return s == null ? "-" : ms(s.p50Ms()) + "/" + ms(s.p95Ms()) + "/" + ms(s.p99Ms());
  }

  private static String response(SegmentStats s) {
    return s == null ? "-" : ms(s.p50Ms()) + "/" + ms(s.p99Ms()) + "/" + ms(s.p999Ms()) + "/"
        + ms(s.maxMs());
  }

  private static String single(SegmentStats s) {
    return s == null ? "-" : ms(s.p99Ms());
  }
}
