package dev.benchbook.api;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each column of the facade's tables means, and its unit, read from the name's suffix
 * ({@code _ms}, {@code _ns}, {@code _s}, {@code _per_s}, {@code _pct}) as everywhere in
 * benchbook; {@code help(table)} and docs/REFERENCE.md show them (a test checks that every
 * column of every facade table is here).
 */
public final class ColumnDocs {

  private static final Map<String, String> MEANING = new TreeMap<>();

  static {
    put("run", "run name: the results file's name without .json");
    put("config", "config id, e.g. c10-zero or c10-zero-writer-queue");
    put("strategy", "connection strategy: per-worker (baseline), shared-connection, writer-queue, "
        + "backoff");
    put("concurrency", "workers running transitions at once");
    put("profile", "API latency profile: zero, fast or realistic");
    put("segment", "timed segment: db_total_ms, lock_wait_ms, fsm_dispatch_ms, fsm_net_ms, api_ms "
        + "(open loop also queue_wait_ms, response_ms)");
    put("count", "committed transitions the stats are over (api_ms: those that called the API)");
    put("mean_ms", "mean of the segment over committed transitions");
    put("min_ms", "smallest value");
    put("p50_ms", "median (numpy-linear percentile, as every percentile here)");
    put("p90_ms", "90th percentile");
    put("p95_ms", "95th percentile");
    put("p99_ms", "99th percentile");
    put("p999_ms", "99.9th percentile");
    put("max_ms", "largest value");
    put("transitions_per_s", "committed transitions per second of wall time (a config's: the "
        + "mean over its repetitions)");
    put("rep", "repetition, from 0 (with forks: numbered across forks)");
    put("worker", "worker, from 0");
    put("file_id", "the file the transition moved");
    put("from_state", "state before the transition");
    put("to_state", "state after the transition");
    put("start_ns", "when the transition started, from the pass's start");
    put("fsm_dispatch_ns", "choosing and validating the transition, running its hook");
    put("api_ns", "the simulated external call (0 when the edge has none)");
    put("lock_wait_ns", "from asking for write access until holding it");
    put("db_total_ns", "all DB work: lock_wait, statements and commit");
    put("fsm_net_ns", "the whole transition minus api");
    put("total_ns", "the whole transition including api");
    put("fsm_dispatch_ms", "fsm_dispatch_ns in milliseconds");
    put("api_ms", "api_ns in milliseconds");
    put("lock_wait_ms", "lock_wait_ns in milliseconds");
    put("db_total_ms", "db_total_ns in milliseconds");
    put("fsm_net_ms", "fsm_net_ns in milliseconds");
    put("total_ms", "total_ns in milliseconds");
    put("queue_wait_ns", "open loop: from the intended start until a worker took the transition");
    put("response_ns", "open loop: from the intended start to the end (queue_wait + total), the "
        + "latency a user sees");
    put("intended_start_ns", "open loop: when the arrival schedule meant the transition to start, "
        + "from the pass's start");
    put("queue_wait_ms", "queue_wait_ns in milliseconds");
    put("response_ms", "response_ns in milliseconds");
    put("arrivals", "open-loop arrivals: constant (every 1/rate s) or poisson (seeded "
        + "exponential gaps)");
    put("requested_per_s", "the arrival rate asked for (--rate)");
    put("scheduled_per_s", "the intended starts' own rate: requested for constant arrivals, what "
        + "the seeded draws came out at for poisson");
    put("achieved_per_s", "the rate transitions actually started at (least-squares slope of the "
        + "sorted start times against their rank)");
    put("kept_up", "achieved at least 99% of scheduled; false: saturated, the queue grew");
    put("queue_wait_p50_ms", "median queue_wait");
    put("queue_wait_p95_ms", "95th percentile of queue_wait");
    put("queue_wait_p99_ms", "99th percentile of queue_wait");
    put("response_p50_ms", "median response time (from the intended start)");
    put("response_p99_ms", "99th percentile of the response time");
    put("response_p999_ms", "99.9th percentile of the response time");
    put("response_max_ms", "longest response time");
    put("fsm_net_p99_ms", "99th percentile of fsm_net: the service time alone, as a closed loop "
        + "measures it");
    put("retries", "busy retries before the write lock was held");
    put("outcome", "committed, conflict (optimistic check failed), busy, rolled_back or failed "
        + "(the workload's code threw or its SQL failed)");
    put("error", "what failed in a failed attempt: the SQLite error or the exception class (the "
        + "run's manifest errors), empty otherwise");
    put("attempts", "attempts in the group");
    put("workers", "workers of the config");
    put("min", "fewest committed transitions of any worker in the repetition");
    put("max", "most committed transitions of any worker in the repetition");
    put("max_over_min", "max / min (missing when a worker committed nothing)");
    put("jain_fairness", "Jain's fairness index of the workers' committed transitions: 1 = equal "
        + "shares, 1/n = one worker did all");
    put("transitions", "committed transitions");
    put("value", "the swept parameter's value at this point");
    put("p95_lock_wait_ms", "95th percentile of lock_wait");
    put("p99_lock_wait_ms", "99th percentile of lock_wait");
    put("knee", "true at the strategy's knee: the first value where P95 lock_wait jumps 10x");
    put("fork", "the fresh JVM the repetition ran in, from 0 (missing: not forked)");
    put("wall_s", "wall time of the measured pass");
    put("conflicts", "transitions whose optimistic check failed (nothing written)");
    put("busy_errors", "SQLITE_BUSY errors that escaped the busy handler");
  }

  private ColumnDocs() {
  }

  private static void put(String column, String meaning) {
    MEANING.put(column, meaning);
  }

  /** What a column means, when it is one of the facade's. */
  public static Optional<String> meaning(String column) {
    return Optional.ofNullable(MEANING.get(column));
  }

  /** The unit a column's name carries: ms, ns, s, 1/s, % or "" (a count, an id or text). */
  public static String unit(String column) {
    if (column.endsWith("_per_s")) {
      return "1/s";
    }
    if (column.endsWith("_ms")) {
      return "ms";
    }
    if (column.endsWith("_ns")) {
      return "ns";
    }
    if (column.endsWith("_s")) {
      return "s";
    }
    return column.endsWith("_pct") ? "%" : "";
  }
}
