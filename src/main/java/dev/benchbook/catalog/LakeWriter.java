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
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Copies catalog tables into Parquet files through DuckDB: the catalog's rows are read with
 * sqlite-jdbc, appended to a DuckDB staging table, and written with {@code COPY ... TO}
 * (zstd-compressed Parquet) into a temporary folder; {@link LakeExport} renames them into place.
 */
final class LakeWriter implements AutoCloseable {

  private static final String STAGE = "stage";
  private final Connection catalog;
  private final DuckDBConnection duck;
  private final StateCodes states;

  LakeWriter(Connection catalog) throws SQLException {
    this.catalog = catalog;
    this.duck = DuckDb.open().unwrap(DuckDBConnection.class);
    this.states = StateCodes.of(catalog);
  }

  /**
   * Writes the rows of a per-run table for every run in {@code runIds} into {@code dir}, one
   * Hive partition per run that has rows ({@code dir/run_id=<id>/part-0.parquet}; the file leaves
   * out {@code run_id}, which the folder carries); returns the rows written.
   */
  long writeRuns(LakeTable table, List<Long> runIds, Path dir) throws SQLException, IOException {
    List<Column> cols = new ArrayList<>(table.fileColumns());
    String ids = runIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    String from;
    if (table.has("run_id") && !(table.has("config_key") && !table.name().equals("configs"))) {
      from = " FROM \"" + table.name() + "\" t WHERE t.run_id IN (" + ids + ")";
    } else {
      from = " FROM \"" + table.name() + "\" t JOIN configs k ON k.config_key = t.config_key "
          + "WHERE t.config_key IN (SELECT config_key FROM configs WHERE run_id IN (" + ids
          + "))";
    }
    String runIdExpr = table.has("run_id") ? "t.run_id" : "k.run_id";
    cols.add(new Column("run_id", Type.BIGINT));
    String sql = "SELECT " + selectList(cols.subList(0, cols.size() - 1), "t.") + ", "
        + runIdExpr + from;
    try (Statement st = catalog.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      long n = stage(cols, rs);
      Files.createDirectories(dir.getParent());
      DuckDb.exec(duck, "COPY (SELECT " + casts(cols) + " FROM " + STAGE + ") TO "
          + DuckDb.literal(dir.toString()) + " (FORMAT parquet, COMPRESSION zstd, "
          + "PARTITION_BY (run_id), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)");
      return n;
    }
  }

  /** Writes each row of a lookup table to its own file (absent ones only); returns how many. */
  int writeLookup(LakeTable table, Path lake, Path tmpDir) throws SQLException, IOException {
    List<Column> cols = table.columns();
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + selectList(cols) + " FROM \"" + table.name()
            + "\"")) {
      stage(cols, rs);
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
      copy(cols, "SELECT * FROM " + STAGE + " WHERE " + key + " = " + code, tmp);
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
    createStage(cols);
    copy(cols, "SELECT * FROM " + STAGE, file);
  }

  private static String selectList(List<Column> cols) {
    return selectList(cols, "");
  }

  private static String selectList(List<Column> cols, String prefix) {
    return cols.stream().map(c -> c.type() == Type.ANY ? "CAST(" + prefix + c.quoted()
        + " AS TEXT)" : prefix + c.quoted()).collect(Collectors.joining(", "));
  }

  /** The staged columns as the lake types them (timestamps cast from ISO text). */
  private static String casts(List<Column> cols) {
    return cols.stream().map(c -> c.type() == Type.TIMESTAMP
        ? "CAST(" + c.quoted() + " AS TIMESTAMPTZ) AS " + c.quoted() : c.quoted())
        .collect(Collectors.joining(", "));
  }

  private void createStage(List<Column> cols) throws SQLException {
    String defs = cols.stream().map(c -> c.quoted() + " " + stageType(c.type()))
        .collect(Collectors.joining(", "));
    DuckDb.exec(duck, "CREATE OR REPLACE TABLE " + STAGE + " (" + defs + ")");
  }

  /** Timestamps arrive as ISO text and are cast when written; the rest as they will be. */
  private static String stageType(Type t) {
    return t == Type.TIMESTAMP ? "VARCHAR" : t.duckType();
  }

  private long stage(List<Column> cols, ResultSet rs) throws SQLException {
    createStage(cols);
    int n = cols.size();
    Type[] types = new Type[n];
    boolean[] stateCol = new boolean[n];
    for (int i = 0; i < n; i++) {
      types[i] = cols.get(i).type();
      stateCol[i] = types[i] == Type.BIGINT && StateCodes.isStateColumn(cols.get(i).name());
    }
    long rows = 0;
    try (DuckDBAppender a = duck.createAppender("main", STAGE)) {
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

  private void copy(List<Column> cols, String from, Path file) throws SQLException,
      IOException {
    Files.createDirectories(file.getParent());
    DuckDb.exec(duck, "COPY (SELECT " + casts(cols) + " FROM (" + from + ")) TO "
        + DuckDb.literal(file.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
