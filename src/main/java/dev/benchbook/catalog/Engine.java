package dev.benchbook.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which engine answers a query: the SQLite catalog, or DuckDB over the Parquet lake. */
public enum Engine {
  /** The SQLite catalog ({@code <data-dir>/.benchbook-catalog.db}): the default. */
  SQLITE,
  /** DuckDB, in-process, over the Parquet lake ({@code <data-dir>/.benchbook-lake}). */
  DUCKDB;

  /** The engine named {@code name} (any case); fails naming the choices. */
  public static Engine parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--engine must be one of " + Arrays.stream(values())
          .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
          + "; got '" + name + "'");
    }
  }
}
