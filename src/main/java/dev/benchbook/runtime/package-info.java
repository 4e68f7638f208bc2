/**
 * The benchmark runner: configs and plans (one builder, {@link dev.benchbook.runtime.PlanSettings},
 * for the CLI and the facade), warm-up and interleaved repetitions on fresh databases, forks
 * (child JVMs over a JDK-only link, {@link dev.benchbook.runtime.Forks}), worker threads with per-thread recorders writing primitive arrays (no locks, no
 * boxing, no allocation per transition), the ceiling probe, progress events and cancellation.
 * Never imports Tablesaw, XChart or Jackson.
 */
package dev.benchbook.runtime;
