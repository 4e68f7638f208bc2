/**
 * The benchbook command line (picocli): run, compare, mitigate, sweep, report, phase and
 * stats. Commands are thin: they parse flags, call the library, print, and return documented
 * exit codes; errors become one {@code benchbook:} line, never a stack trace.
 */
package dev.benchbook.cli;
