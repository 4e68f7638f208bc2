/**
 * The one-line entry points for notebooks, JShell and the CLI: {@link dev.benchbook.api.Benchbook}
 * loads results, compares configs, builds Tablesaw tables, draws and saves charts, and runs small
 * matrices; {@link dev.benchbook.api.Summary} says how a measured run becomes a results file.
 */
package dev.benchbook.api;
