/**
 * The benchmark runner: configs and plans, warm-up and interleaved repetitions on fresh
 * databases, worker threads with per-thread recorders writing primitive arrays (no locks, no
 * boxing, no allocation per transition), the ceiling probe, progress events and cancellation.
 * Never imports Tablesaw, XChart or Jackson.
 */
package dev.benchbook.runtime;
