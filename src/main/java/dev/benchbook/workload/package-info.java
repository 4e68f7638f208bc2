/**
 * The FSM/SQLite workload: the flow as data, latency profiles, the SQLite schema and settings,
 * one transition's write transaction, the connection strategies (per-worker baseline,
 * shared-connection, writer-queue, backoff) and the integrity check. Never imports Tablesaw,
 * XChart or Jackson.
 */
package dev.benchbook.workload;
