package dev.benchbook.catalog;

import dev.benchbook.catalog.LakeTable.Column;
import dev.benchbook.catalog.LakeTable.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes lake files through DuckDB: a batch's rows of a catalog table are read with sqlite-jdbc,
 * appended to a DuckDB staging table and written sorted by run with {@code COPY ... TO}
 * (zstd-compressed Parquet) into a temporary folder; {@link LakeExport} renames them into place.
 * Batches already in the lake are merged or rewritten from their own Parquet files.
 */
final class LakeWriter implements AutoCloseable {

  /**
   * How every lake file is written: zstd-compressed, without dictionaries. DuckDB otherwise
   * builds one per column and row group and gives it up for the timing columns, whose values
   * barely repeat: the raw rows encode faster without, for files of about the same size
   * (docs/PERFORMANCE.md, Step 14). Parquet's version 2 pages were tried too: DuckDB writes
   * doubles in them as BYTE_STREAM_SPLIT, which Spark's reader refuses (SparkLakeIT).
   */
  static final String PARQUET = "(FORMAT parquet, COMPRESSION zstd, DICTIONARY_SIZE_LIMIT 1)";
  private static final String STAGE = "stage";
  /** The staging table of a batch's raw rows (from rows files and from the catalog). */
  static final String ROWS_STAGE = "rows_stage";
  private final Connection catalog;
  private final DuckDBConnection duck;
  private final StateCodes states;

  LakeWriter(Connection catalog) throws SQLException {
    this.catalog = catalog;
    this.duck = DuckDb.open().unwrap(DuckDBConnection.class);
    this.states = StateCodes.of(catalog);
  }

  /** The writer's DuckDB database (the rows-file writer's connections share it). */
  DuckDBConnection duck() {
    return duck;
  }

  /**
   * Writes the catalog's rows of a per-run table for every run in {@code runIds} into one
   * Parquet file, sorted by run; returns the rows written (no file when there are none).
   */
  long writeTable(LakeTable table, List<Long> runIds, Path file) throws SQLException,
      IOException {
    createStage(table.columns(), STAGE);
    long n = appendFromCatalog(table, runIds, STAGE);
    return n == 0 ? 0 : writeStage(table, STAGE, file);
  }

  /** Creates (or empties) the staging table of a batch's raw rows. */
  void createRowsStage(LakeTable rows) throws SQLException {
    createStage(rows.columns(), ROWS_STAGE);
  }

  /** Appends the catalog's rows of a per-run table for {@code runIds} to a staging table. */
  long appendFromCatalog(LakeTable table, List<Long> runIds, String stage)
      throws SQLException {
    if (runIds.isEmpty()) {
      return 0;
    }
    String ids = runIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    String from;
    if (!table.runIdFromConfigs() && !table.has("config_key") || table.name().equals("configs")) {
      from = " FROM \"" + table.name() + "\" t WHERE t.run_id IN (" + ids + ")";
    } else {
      // by config_key: the key of the rows table's primary key, so SQLite reads by its index
      from = " FROM \"" + table.name() + "\" t JOIN configs k ON k.config_key = t.config_key "
          + "WHERE t.config_key IN (SELECT config_key FROM configs WHERE run_id IN (" + ids
          + "))";
    }
    String select = table.columns().stream().map(c -> c.name().equals("run_id")
        && table.runIdFromConfigs() ? "k.run_id" : selectItem(c, "t."))
        .collect(Collectors.joining(", "));
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + select + from)) {
      return stage(table.columns(), rs, stage);
    }
  }

  /** Writes a staging table into one Parquet file sorted by run; returns the rows written. */
  long writeStage(LakeTable table, String stage, Path file) throws SQLException, IOException {
    return copy(table.columns(), "SELECT * FROM " + stage, orderBy(table), file);
  }

  /**
   * Writes the rows of {@code runs} found in lake files {@code files} of one table into one
   * Parquet file sorted by run (a merge or a rewrite of batches); returns the rows written, and
   * writes no file when there are none.
   */
  long copyFromLake(LakeTable table, List<Path> files, Collection<Long> runs, Path file)
      throws SQLException, IOException {
    if (files.isEmpty() || runs.isEmpty()) {
      return 0;
    }
    String list = files.stream().map(f -> DuckDb.literal(f.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    String names = table.columns().stream().map(Column::quoted).collect(Collectors.joining(", "));
    String ids = runs.stream().map(String::valueOf).collect(Collectors.joining(", "));
    Files.createDirectories(file.getParent());
    long n;
    try (Statement st = duck.createStatement()) {
      n = st.executeUpdate("COPY (SELECT " + names + " FROM read_parquet(" + list
          + ", hive_partitioning = false) WHERE run_id IN (" + ids + ")" + orderBy(table)
          + ") TO " + DuckDb.literal(file.toString()) + " " + PARQUET);
    }
    if (n == 0) {
      Files.deleteIfExists(file);
    }
    return n;
  }

  private static String orderBy(LakeTable table) {
    List<String> keys = table.sortKeys();
    return keys.isEmpty() ? "" : keys.stream().map(k -> '"' + k.replace("\"", "\"\"") + '"')
        .collect(Collectors.joining(", ", " ORDER BY ", ""));
  }

  /** Writes each row of a lookup table to its own file (absent ones only); returns how many. */
  int writeLookup(LakeTable table, Path lake, Path tmpDir) throws SQLException, IOException {
    List<Column> cols = table.columns();
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + selectList(cols) + " FROM \"" + table.name()
            + "\"")) {
      createStage(cols, STAGE);
      stage(cols, rs, STAGE);
    }
    String key = cols.get(0).quoted();
    List<Long> codes = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + key + " FROM " + STAGE)) {
      while (rs.next()) {
        codes.add(rs.getLong(1));
      }
    }
    int written = 0;
    for (long code : codes) {
      Path target = LakeLayout.lookupFile(lake, table.name(), code);
      if (Files.exists(target) && LakeLayout.notParquet(target).isEmpty()) {
        continue;
      }
      Path tmp = tmpDir.resolve(table.name() + "-" + code + ".parquet");
      copy(cols, "SELECT * FROM " + STAGE + " WHERE " + key + " = " + code, "", tmp);
      Files.createDirectories(target.getParent());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      written++;
    }
    return written;
  }

  /** Writes an empty file with every column of the table (run_id included) as its schema. */
  void writeSchema(LakeTable table, Path file) throws SQLException, IOException {
    List<Column> cols = table.columns();
    createStage(cols, STAGE);
    copy(cols, "SELECT * FROM " + STAGE, "", file);
  }

  private static String selectList(List<Column> cols) {
    return cols.stream().map(c -> selectItem(c, "")).collect(Collectors.joining(", "));
  }

  /** A catalog column as read for the lake (the untyped one as its SQLite text). */
  private static String selectItem(Column c, String prefix) {
    return c.type() == Type.ANY ? "CAST(" + prefix + c.quoted() + " AS TEXT)"
        : prefix + c.quoted();
  }

  /** The staged columns as the lake types them (timestamps cast from ISO text). */
  private static String casts(List<Column> cols) {
    return cols.stream().map(c -> c.type() == Type.TIMESTAMP
        ? "CAST(" + c.quoted() + " AS TIMESTAMPTZ) AS " + c.quoted() : c.quoted())
        .collect(Collectors.joining(", "));
  }

  private void createStage(List<Column> cols, String name) throws SQLException {
    String defs = cols.stream().map(c -> c.quoted() + " " + stageType(c.type()))
        .collect(Collectors.joining(", "));
    DuckDb.exec(duck, "CREATE OR REPLACE TABLE " + name + " (" + defs + ")");
  }

  /** Timestamps arrive as ISO text and are cast when written; the rest as they will be. */
  private static String stageType(Type t) {
    return t == Type.TIMESTAMP ? "VARCHAR" : t.duckType();
  }

  private long stage(List<Column> cols, ResultSet rs, String stage) throws SQLException {
    int n = cols.size();
    Type[] types = new Type[n];
    boolean[] stateCol = new boolean[n];
    for (int i = 0; i < n; i++) {
      types[i] = cols.get(i).type();
      stateCol[i] = types[i] == Type.BIGINT && StateCodes.isStateColumn(cols.get(i).name());
    }
    long rows = 0;
    try (DuckDBAppender a = duck.createAppender("main", stage)) {
      while (rs.next()) {
        a.beginRow();
        for (int i = 0; i < n; i++) {
          append(a, rs, i + 1, types[i], stateCol[i]);
        }
        a.endRow();
        rows++;
      }
    }
    return rows;
  }

  private void append(DuckDBAppender a, ResultSet rs, int col, Type type, boolean stateCol)
      throws SQLException {
    switch (type) {
      case BIGINT -> {
        long v = rs.getLong(col);
        if (rs.wasNull()) {
          a.appendNull();
        } else {
          a.append(stateCol ? states.toLake(v) : v);
        }
      }
      case DOUBLE -> {
        double v = rs.getDouble(col);
        if (rs.wasNull()) {
          a.appendNull();
        } else {
          a.append(v);
        }
      }
      case BOOLEAN -> {
        long v = rs.getLong(col);
        if (rs.wasNull()) {
          a.appendNull();
        } else {
          a.append(v != 0);
        }
      }
      default -> {
        String v = rs.getString(col);
        if (v == null) {
          a.appendNull();
        } else {
          a.append(v);
        }
      }
    }
  }

  private long copy(List<Column> cols, String from, String orderBy, Path file)
      throws SQLException, IOException {
    Files.createDirectories(file.getParent());
    try (Statement st = duck.createStatement()) {
      return st.executeUpdate("COPY (SELECT " + casts(cols) + " FROM (" + from + ")" + orderBy
          + ") TO "
          + DuckDb.literal(file.toString()) + " " + PARQUET);
    }
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
