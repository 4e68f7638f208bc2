/**
 * The run catalog: a SQLite file derived from every results file under a data dir, and
 * read-only SQL over it.
 *
 * <p>{@link dev.benchbook.catalog.Catalog#update} imports new and changed files (one
 * transaction per file, by content hash, after a size and modification-time check) and removes
 * deleted ones; {@link dev.benchbook.catalog.Catalog#query} runs one statement on a read-only
 * connection after refusing anything that would write; {@link dev.benchbook.catalog.QueryResult#table()}
 * hands results to the output model's renderers and {@link dev.benchbook.catalog.ResultTables} turns them into Tablesaw
 * tables; {@link dev.benchbook.catalog.NamedQueries} are the shipped {@code queries/*.sql}.
 * {@link dev.benchbook.catalog.Lake} writes the catalog's tables as a Parquet lake (many runs
 * per file, in batches) and queries it with DuckDB in-process
 * ({@link dev.benchbook.catalog.Engine#DUCKDB}).
 * Schema and lake: docs/CATALOG.md.
 */
package dev.benchbook.catalog;
