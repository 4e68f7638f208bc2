/**
 * Results of benchmark runs: the records of a results file, the one JSON mapper, and their I/O.
 *
 * <p>{@link dev.benchbook.results.ResultsWriter} writes a {@link dev.benchbook.results.RunFile}
 * and its raw rows atomically, never overwriting; {@link dev.benchbook.results.ResultsReader}
 * loads one file or a folder, validating with one line per problem
 * ({@link dev.benchbook.results.Problem}); {@link dev.benchbook.results.RowsCsv} is the fast
 * raw-rows codec; {@link dev.benchbook.results.RowsTable} and
 * {@link dev.benchbook.results.StatsTable} turn rows and stats into Tablesaw tables. The file
 * format is documented in docs/RESULTS-FORMAT.md.
 */
package dev.benchbook.results;
