package dev.benchbook.catalog;

import java.util.List;
import java.util.Locale;

/**
 * One catalog table as the lake stores it.
 *
 * @param name the table's name (the lake's folder)
 * @param scope how its rows split: per run (a {@code run_id} column, or {@code config_key}
 *     joined to configs), or a lookup table written whole, one file per row
 * @param columns its columns in the catalog's order (generated ones included)
 * @param key the catalog's primary key columns, in key order (empty when it has none)
 * @param runIdFromConfigs true when the catalog's table has {@code config_key} but no
 *     {@code run_id}: the lake adds {@code run_id} (last), from {@code configs}
 */
record LakeTable(String name, Scope scope, List<Column> columns, List<String> key,
    boolean runIdFromConfigs) {

  /** How a table's rows are split into the lake's files. */
  enum Scope {
    /** Runs in batches: one file per batch ({@code batch=<id>}), {@code run_id} a column. */
    RUN,
    /** One file per row, named by its first column (a code), so merged lakes do not clash. */
    LOOKUP
  }

  /** Copies the lists. */
  LakeTable {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  /** A table without a primary key whose columns are all the catalog's. */
  LakeTable(String name, Scope scope, List<Column> columns) {
    this(name, scope, columns, List.of(), false);
  }

  /**
   * The order of a batch file's rows: {@code run_id} first (so Parquet's row-group statistics
   * skip the row groups of other runs), then the catalog's primary key.
   */
  List<String> sortKeys() {
    List<String> out = new java.util.ArrayList<>();
    if (has("run_id")) {
      out.add("run_id");
    }
    key.stream().filter(k -> !out.contains(k)).forEach(out::add);
    return out;
  }

  /** True when the table has a column of that name. */
  boolean has(String column) {
    return columns.stream().anyMatch(c -> c.name().equals(column));
  }

  /**
   * One column.
   *
   * @param name its name
   * @param type its type in the lake
   */
  record Column(String name, Type type) {

    /** The column name quoted for SQL. */
    String quoted() {
      return '"' + name.replace("\"", "\"\"") + '"';
    }
  }

  /**
   * A column's type in the lake, from its SQLite declaration (SQLite's affinity rules): the
   * same values in the same units, as the Parquet type that says what they are.
   */
  enum Type {
    /** INTEGER: 64-bit integers. */
    BIGINT("BIGINT"),
    /** REAL: doubles. */
    DOUBLE("DOUBLE"),
    /** TEXT. */
    VARCHAR("VARCHAR"),
    /** BOOLEAN (0/1 in SQLite): Parquet booleans. */
    BOOLEAN("BOOLEAN"),
    /** TIMESTAMP (ISO-8601 UTC text in SQLite): Parquet timestamps, UTC, microseconds. */
    TIMESTAMP("TIMESTAMPTZ"),
    /** No declared type (numbers or text, e.g. run_params.value): the value's SQLite text. */
    ANY("VARCHAR");

    private final String duckType;

    Type(String duckType) {
      this.duckType = duckType;
    }

    /** The DuckDB type of the lake's column. */
    String duckType() {
      return duckType;
    }

    /** The type of a column declared {@code declared} in SQLite. */
    static Type of(String declared) {
      String d = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
      if (d.isBlank()) {
        return ANY;
      }
      if (d.contains("INT")) {
        return BIGINT;
      }
      if (d.contains("BOOL")) {
        return BOOLEAN;
      }
      if (d.contains("TIMESTAMP") || d.contains("DATETIME")) {
        return TIMESTAMP;
      }
      if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
        return VARCHAR;
      }
      return d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB") ? DOUBLE : VARCHAR;
    }
  }
}
