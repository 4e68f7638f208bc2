package dev.benchbook.analysis;

/**
 * One point of an open-loop rate sweep for one strategy: the latency a user sees at the
 * throughput the system achieved when asked for one rate.
 *
 * @param strategy strategy name
 * @param value the swept rate as given, e.g. {@code 2000}
 * @param configId id of the config measured at this point
 * @param requestedPerS requested arrival rate
 * @param achievedPerS rate the transitions actually started at
 * @param p50ResponseMs median response time (from the intended start), ms
 * @param p99ResponseMs P99 response time, ms
 * @param saturated whether the config could not keep its schedule (its queue grew)
 */
public record RatePoint(String strategy, String value, String configId, double requestedPerS,
    double achievedPerS, double p50ResponseMs, double p99ResponseMs, boolean saturated) {
}
