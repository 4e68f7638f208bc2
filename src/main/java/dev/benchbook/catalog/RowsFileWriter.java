package dev.benchbook.catalog;

import dev.benchbook.catalog.LakeTable.Column;
import dev.benchbook.catalog.LakeTable.Type;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.duckdb.DuckDBConnection;

/**
 * Stages a batch's raw rows straight from the runs' raw-rows files, the fast path of an export:
 * DuckDB's CSV reader decompresses and parses each file natively and one {@code INSERT} per run
 * appends its rows to the batch's staging table, one run per core at a time; the batch is then
 * written as one Parquet file. Reading the same rows back from the catalog costs one sqlite-jdbc
 * call per value (docs/PERFORMANCE.md, "Lake and DuckDB").
 *
 * <p>The values are the catalog's: {@code row_no} is the row's position in the file, config ids
 * become the catalog's {@code config_key}, state names the lake's state codes, outcome labels the
 * catalog's outcome codes, a timed column the file lacks is NULL, and rows of a config the run does
 * not list are left out, as the import leaves them out. A run is written this way only when its
 * rows file has the size and modification time the catalog imported and the run's every row was
 * staged; otherwise (or on any error) its staged rows are deleted and the caller stages the run
 * from the catalog. The lake's {@code rows} columns are read from the catalog, so a column this
 * class cannot fill from a file sends every run to the catalog path instead.
 */
final class RowsFileWriter implements AutoCloseable {

  /** The name given to the file position inside the per-run query. */
  private static final String ROW_NO = "__benchbook_row_no";
  /**
   * The name given to a row's file in a stream's scan: its position in the file list (DuckDB's
   * {@code file_index}), a number, so the join that maps it and the config id to the run and
   * the config key hashes an integer, not the file's path.
   */
  private static final String FILE_INDEX = "__benchbook_file";
  /** The prefixes of a name column's names and codes in a stream's joins (then its number). */
  private static final String NAME = "__benchbook_name";
  private static final String CODE = "__benchbook_code";
  /** At most this many combinations of names are joined as one list (else one per column). */
  private static final long MAX_COMBINATIONS = 4096;

  private final Connection catalog;
  private final Path dataDir;
  private final LakeTable table;
  private final DuckDBConnection duck;
  private final int threads;
  private final ExecutorService pool;
  private final List<Connection> workers = new ArrayList<>();
  private final java.util.concurrent.BlockingQueue<Connection> free =
      new java.util.concurrent.LinkedBlockingQueue<>();
  private final Map<String, Long> stateCodes;
  private final Map<String, Long> outcomeCodes;
  private final boolean usable;

  /**
   * A writer for the catalog's {@code rows} table {@code table} into the DuckDB database of
   * {@code duck}, with one worker connection per core; until it is closed, every DuckDB query
   * of that database runs on one thread (the workers run side by side).
   */
  RowsFileWriter(Connection catalog, Path dataDir, LakeTable table, DuckDBConnection duck)
      throws SQLException {
    this.catalog = catalog;
    this.dataDir = dataDir;
    this.table = table;
    this.stateCodes = names(catalog, "SELECT name FROM states", true);
    this.outcomeCodes = names(catalog, "SELECT name, outcome FROM outcomes", false);
    this.usable = table.columns().stream().allMatch(RowsFileWriter::fillable);
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.threads = n;
    this.duck = duck;
    // one thread per query: each worker's scan runs on its own thread, in file order
    DuckDb.exec(duck, "SET threads = 1");
    for (int i = 0; i < n; i++) {
      workers.add(duck.duplicate());
    }
    free.addAll(workers);
    this.pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "benchbook-lake-rows");
      t.setDaemon(true);
      return t;
    });
  }

  /** True when a column of the rows table can be filled from a raw-rows file. */
  private static boolean fillable(Column c) {
    return switch (c.name()) {
      case "config_key", "row_no", "committed", "run_id" -> true;
      default -> dev.benchbook.rows.Column.byCsvKey(c.name()).isPresent();
    };
  }

  /**
   * Appends the raw rows of each run it can to the staging table {@code stage} (the lake's
   * {@code rows} columns); returns the rows staged per run it staged.
   */
  Map<Long, Long> stage(List<Long> runIds, String stage) throws SQLException, IOException {
    Map<Long, Long> out = new LinkedHashMap<>();
    if (!usable || runIds.isEmpty()) {
      return out;
    }
    Map<Long, Source> sources = sources(runIds);
    List<Future<Optional<Long>>> futures = new ArrayList<>();
    List<Long> ids = new ArrayList<>(sources.keySet());
    for (long id : ids) {
      Source s = sources.get(id);
      futures.add(pool.submit(() -> stageOne(s, stage)));
    }
    collect(ids, futures, out);
    return out;
  }

  private static void collect(List<Long> ids, List<Future<Optional<Long>>> futures,
      Map<Long, Long> out) throws IOException {
    try {
      for (int i = 0; i < ids.size(); i++) {
        Optional<Long> n = futures.get(i).get();
        if (n.isPresent()) {
          out.put(ids.get(i), n.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while staging raw rows", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot stage raw rows: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Starts writing, on a worker, the raw rows of the runs of {@code runIds} whose rows files can
   * be read in one scan into one Parquet file {@code file}: the unchanged files that share the
   * most common header, in run id order (so the file is sorted by run, then by position in the
   * rows file). The future gives the rows written per run, checked against the catalog: each run
   * has all its raw rows, numbered 0 to n - 1. When the check fails, or DuckDB does not read the
   * files as the import did, it gives no runs and leaves no file; the caller stages the runs.
   */
  Future<Map<Long, Long>> stream(List<Long> runIds, Path file) throws SQLException,
      IOException {
    if (!usable || runIds.isEmpty() || stateCodes.isEmpty() || outcomeCodes.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
    }
    Map<String, List<Source>> groups = new LinkedHashMap<>();
    Map<String, List<String>> headers = new HashMap<>();
    Map<Long, Source> sources = sources(runIds);
    for (long id : runIds.stream().sorted().toList()) {
      Source s = sources.get(id);
      if (s == null || !s.unchanged()) {
        continue;
      }
      boolean gzip = gzip(s.file());
      List<String> header = header(s.file(), gzip);
      if (!header.isEmpty()) {
        String key = gzip + " " + String.join(",", header);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        headers.put(key, header);
      }
    }
    Optional<String> largest = groups.keySet().stream()
        .max(java.util.Comparator.comparingInt(k -> groups.get(k).size()));
    if (largest.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
    }
    List<Source> group = groups.get(largest.get());
    Optional<String> sql = streamSql(group, headers.get(largest.get()),
        largest.get().startsWith("true"), file);
    if (sql.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
    }
    return pool.submit(() -> streamOne(group, sql.get(), file));
  }

  /** Runs a stream's COPY on a free worker connection and checks what it wrote. */
  private Map<Long, Long> streamOne(List<Source> group, String sql, Path file)
      throws IOException, InterruptedException {
    Connection c = free.take();
    try (Statement st = c.createStatement()) {
      Files.createDirectories(file.getParent());
      st.executeUpdate(sql);
      Map<Long, Long> out = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery("SELECT run_id, count(*), min(row_no), max(row_no) "
          + "FROM read_parquet(" + DuckDb.literal(file.toString()) + ") GROUP BY run_id")) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2) == rs.getLong(4) + 1 && rs.getLong(3) == 0
              ? rs.getLong(2) : -1L);
        }
      }
      boolean whole = out.size() == group.size()
          && group.stream().allMatch(s -> out.getOrDefault(s.runId(), -1L) == s.rawRows());
      if (whole) {
        return out;
      }
    } catch (SQLException e) {
      // not readable the way the import read it: the caller stages these runs one by one
    } finally {
      free.put(c);
    }
    Files.deleteIfExists(file);
    return Map.of();
  }

  /**
   * One COPY over all the group's files: config ids, state names and outcome labels become codes
   * through joins with small VALUES lists (a row whose name is not there is left out, so the
   * check then fails; the config list is keyed by the file's index in the scan and the config
   * id), {@code row_no} is the row's position in the scan minus the rows of the files before it
   * (the check finds a file with rows the import left out).
   */
  private Optional<String> streamSql(List<Source> group, List<String> header, boolean gzip,
      Path file) {
    StringBuilder files = new StringBuilder();
    StringBuilder map = new StringBuilder();
    long offset = 0;
    int index = 0;
    for (Source s : group) {
      files.append(files.length() == 0 ? "" : ", ").append(DuckDb.literal(s.file().toString()));
      for (Map.Entry<String, Long> e : s.configKeys().entrySet()) {
        map.append(map.length() == 0 ? "" : ", ").append('(').append(index).append(", ")
            .append(DuckDb.literal(e.getKey())).append(", ").append(e.getValue()).append(", ")
            .append(s.runId()).append(", ").append(offset).append(')');
      }
      offset += s.rawRows();
      index++;
    }
    List<String> select = new ArrayList<>();
    Map<String, Map<String, Long>> codes = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      Optional<String> e = streamExpression(c.name(), header, codes);
      if (e.isEmpty()) {
        return Optional.empty();
      }
      select.add("CAST(" + e.get() + " AS " + c.type().duckType() + ") AS " + c.quoted());
    }
    String joins = " JOIN (VALUES " + map + ") AS m(m_file, m_config, m_key, m_run, m_off) ON "
        + "m.m_file = r." + FILE_INDEX + " AND m.m_config = r.\"config\""
        + codeJoins(codes, MAX_COMBINATIONS);
    String columns = header.stream().map(h -> DuckDb.literal(h) + ": "
        + DuckDb.literal(csvType(h))).collect(Collectors.joining(", ", "{", "}"));
    String read = "SELECT *, file_index AS " + FILE_INDEX + ", row_number() OVER () - 1 AS "
        + ROW_NO + " FROM read_csv([" + files + "], header = true, auto_detect = false, "
        + "delim = ',', quote = '', escape = '', compression = '" + (gzip ? "gzip" : "none")
        + "', columns = " + columns + ")";
    return Optional.of("COPY (SELECT " + String.join(", ", select) + " FROM (" + read + ") r"
        + joins + ") TO " + DuckDb.literal(file.toString()) + " " + LakeWriter.PARQUET);
  }

  /**
   * The value of a lake column in the stream's scan, or empty when the files cannot give it; a
   * column of names it maps to codes goes to {@code codes} (its name lists, by column).
   */
  private Optional<String> streamExpression(String name, List<String> header,
      Map<String, Map<String, Long>> codes) {
    switch (name) {
      case "config_key":
        return Optional.of("m.m_key");
      case "row_no":
        return Optional.of("r." + ROW_NO + " - m.m_off");
      case "run_id":
        return Optional.of("m.m_run");
      case "committed":
        return header.contains("outcome") ? Optional.of(code("outcome", outcomeCodes, codes)
            + " = 0") : Optional.empty();
      default:
        break;
    }
    Optional<dev.benchbook.rows.Column> col = dev.benchbook.rows.Column.byCsvKey(name);
    if (col.isEmpty()) {
      return Optional.empty();
    }
    if (!header.contains(name)) {
      return col.get().optional() ? Optional.of("NULL") : Optional.empty();
    }
    if (col.get() == dev.benchbook.rows.Column.OUTCOME) {
      return Optional.of(code(name, outcomeCodes, codes));
    }
    if (col.get().kind() == dev.benchbook.rows.Column.Kind.CODE) {
      return Optional.of(code(name, stateCodes, codes));
    }
    return Optional.of("r.\"" + name + '"');
  }

  /** The code of a column of names in the scan (its join is made by {@link #codeJoins}). */
  private static String code(String column, Map<String, Long> names,
      Map<String, Map<String, Long>> codes) {
    codes.putIfAbsent(column, names);
    return CODE + new ArrayList<>(codes.keySet()).indexOf(column);
  }

  /**
   * The joins that map the scan's columns of names to codes: one join with every combination
   * of their names (from state, to state and outcome: 125 rows for 5 states, one hash lookup
   * per raw row instead of three), or one join per column when the combinations would be more
   * than {@code maxCombinations}. A row whose name is not listed is left out either way. The
   * scan is {@code r}; each column's code is {@code __benchbook_code<i>}, {@code i} its position
   * in {@code codes}.
   */
  static String codeJoins(Map<String, Map<String, Long>> codes, long maxCombinations) {
    long combinations = 1;
    for (Map<String, Long> names : codes.values()) {
      combinations *= Math.max(1, names.size());
      if (combinations > maxCombinations) {
        break;
      }
    }
    List<String> columns = new ArrayList<>(codes.keySet());
    StringBuilder sb = new StringBuilder();
    if (combinations <= maxCombinations && columns.size() > 1) {
      List<String> rows = List.of("");
      for (String column : columns) {
        List<String> longer = new ArrayList<>();
        for (String row : rows) {
          codes.get(column).forEach((name, code) -> longer.add(row + (row.isEmpty() ? "" : ", ")
              + DuckDb.literal(name) + ", " + code));
        }
        rows = longer;
      }
      List<String> names = new ArrayList<>();
      List<String> on = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        names.add(NAME + i + ", " + CODE + i);
        on.add(NAME + i + " = r.\"" + columns.get(i) + '"');
      }
      return sb.append(" JOIN (VALUES ").append(rows.stream().map(r -> "(" + r + ")")
          .collect(Collectors.joining(", "))).append(") AS j(").append(String.join(", ", names))
          .append(") ON ").append(String.join(" AND ", on)).toString();
    }
    for (int i = 0; i < columns.size(); i++) {
      String values = codes.get(columns.get(i)).entrySet().stream().map(e -> "("
          + DuckDb.literal(e.getKey()) + ", " + e.getValue() + ")")
          .collect(Collectors.joining(", "));
      sb.append(" JOIN (VALUES ").append(values).append(") AS j").append(i).append('(')
          .append(NAME).append(i).append(", ").append(CODE).append(i).append(") ON ")
          .append(NAME).append(i).append(" = r.\"").append(columns.get(i)).append('"');
    }
    return sb.toString();
  }

  /** Stages one run's rows on a free worker connection; empty when it could not. */
  private Optional<Long> stageOne(Source s, String stage) throws IOException,
      InterruptedException {
    Connection c = free.take();
    try {
      long n = -1;
      try {
        Optional<String> sql = insertSql(s, stage);
        if (sql.isPresent()) {
          try (Statement st = c.createStatement()) {
            n = st.executeUpdate(sql.get());
          }
          if (n == s.rawRows()) {
            return Optional.of(n);
          }
        }
      } catch (SQLException | IOException e) {
        // not readable the way the import read it: the catalog path stages this run
      }
      if (n > 0) {
        try (Statement st = c.createStatement()) {
          st.executeUpdate("DELETE FROM " + stage + " WHERE run_id = " + s.runId());
        } catch (SQLException e) {
          throw new IOException("cannot take back the raw rows of run " + s.runId() + ": "
              + DuckDb.message(e), e);
        }
      }
    } finally {
      free.put(c);
    }
    return Optional.empty();
  }

  /** The run's INSERT, or empty when its file is not the one imported. */
  private Optional<String> insertSql(Source s, String stage) throws IOException {
    Path file = s.file();
    if (!s.unchanged()) {
      return Optional.empty();
    }
    boolean gzip = gzip(file);
    List<String> header = header(file, gzip);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String columns = header.stream().map(h -> DuckDb.literal(h) + ": "
        + DuckDb.literal(csvType(h))).collect(Collectors.joining(", ", "{", "}"));
    String read = "SELECT *, row_number() OVER () - 1 AS " + ROW_NO + " FROM read_csv("
        + DuckDb.literal(file.toString()) + ", header = true, auto_detect = false, delim = ',', "
        + "quote = '', escape = '', compression = '" + (gzip ? "gzip" : "none") + "', columns = "
        + columns + ")";
    List<String> select = new ArrayList<>();
    for (Column c : table.columns()) {
      Optional<String> e = expression(c.name(), header, s);
      if (e.isEmpty()) {
        return Optional.empty();
      }
      select.add("CAST(" + e.get() + " AS " + c.type().duckType() + ") AS " + c.quoted());
    }
    String configs = s.configKeys().keySet().stream().map(DuckDb::literal)
        .collect(Collectors.joining(", "));
    return Optional.of("INSERT INTO " + stage + " SELECT " + String.join(", ", select)
        + " FROM (" + read + ") WHERE \"config\" IN (" + configs + ")");
  }

  /** The value of a lake column for a row of the file, or empty when the file cannot give it. */
  private Optional<String> expression(String name, List<String> header, Source s) {
    switch (name) {
      case "config_key":
        return Optional.of(lookup("\"config\"", s.configKeys(), "config"));
      case "row_no":
        return Optional.of(ROW_NO);
      case "run_id":
        return Optional.of(Long.toString(s.runId()));
      case "committed":
        return Optional.of("(" + lookup("\"outcome\"", outcomeCodes, "outcome") + ") = 0");
      default:
        break;
    }
    Optional<dev.benchbook.rows.Column> col = dev.benchbook.rows.Column.byCsvKey(name);
    if (col.isEmpty()) {
      return Optional.empty();
    }
    String quoted = '"' + name + '"';
    if (!header.contains(name)) {
      return col.get().optional() ? Optional.of("NULL") : Optional.empty();
    }
    if (col.get() == dev.benchbook.rows.Column.OUTCOME) {
      return Optional.of(lookup(quoted, outcomeCodes, "outcome"));
    }
    if (col.get().kind() == dev.benchbook.rows.Column.Kind.CODE) {
      return Optional.of(lookup(quoted, stateCodes, "state"));
    }
    return Optional.of(quoted);
  }

  /** A CASE mapping names to codes; a name it does not know fails the query. */
  private static String lookup(String column, Map<String, Long> codes, String what) {
    StringBuilder sb = new StringBuilder("CASE ").append(column);
    codes.forEach((name, code) -> sb.append(" WHEN ").append(DuckDb.literal(name))
        .append(" THEN ").append(code));
    return sb.append(" ELSE error('unknown ").append(what).append(" ' || ").append(column)
        .append(") END").toString();
  }

  /** How the CSV reader types a header field: text for codes and unknown columns, else BIGINT. */
  private static String csvType(String field) {
    Optional<dev.benchbook.rows.Column> c = dev.benchbook.rows.Column.byCsvKey(field);
    return c.isEmpty() || c.get().kind() == dev.benchbook.rows.Column.Kind.CODE ? "VARCHAR"
        : "BIGINT";
  }

  private static boolean gzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** The field names of the file's first line (empty when it has none). */
  private static List<String> header(Path file, boolean gzip) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 12) : raw) {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
        line.append((char) b);
        if (line.length() > 1 << 16) {
          return List.of();
        }
      }
      String text = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1),
          StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }
  }

  /**
   * Where each run's rows file is and what the catalog imported from it: the file named by its
   * results file (relative to the JSON), its size and modification time then, its raw rows and
   * its configs' keys. Runs without a rows file are left out.
   */
  private Map<Long, Source> sources(List<Long> runIds) throws SQLException {
    String ids = runIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    Map<Long, Map<String, Long>> keys = new HashMap<>();
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id, config, config_key FROM configs "
            + "WHERE run_id IN (" + ids + ")")) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getLong(3));
      }
    }
    Map<Long, Source> out = new LinkedHashMap<>();
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT f.run_id, f.path, f.rows_path, f.rows_size, "
            + "f.rows_mtime_ns, r.raw_rows FROM files f JOIN runs r ON r.run_id = f.run_id "
            + "WHERE f.run_id IN (" + ids + ") AND f.rows_path IS NOT NULL AND r.raw_rows > 0")) {
      while (rs.next()) {
        long runId = rs.getLong(1);
        Map<String, Long> configs = keys.get(runId);
        if (configs == null) {
          continue;
        }
        Path file = dataDir.resolve(rs.getString(2)).resolveSibling(rs.getString(3));
        out.put(runId, new Source(runId, file, rs.getLong(4), rs.getLong(5), rs.getLong(6),
            configs));
      }
    }
    return out;
  }

  /** Names to codes: the lake's state codes (from names) or a table's own codes. */
  private static Map<String, Long> names(Connection c, String sql, boolean states)
      throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String name = rs.getString(1);
        out.put(name, states ? StateCodes.global(name) : rs.getLong(2));
      }
    } catch (SQLException e) {
      // an older catalog without the table: no names, so every run takes the catalog path
      return Map.of();
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : workers) {
      c.close();
    }
    DuckDb.exec(duck, "SET threads = " + threads);
  }

  /**
   * One run's rows file as the catalog imported it.
   *
   * @param runId the run
   * @param file the rows file
   * @param size its size then, bytes
   * @param mtimeNs its modification time then, ns since the epoch
   * @param rawRows the rows the import read from it
   * @param configKeys the run's config ids to their keys
   */
  private record Source(long runId, Path file, long size, long mtimeNs, long rawRows,
      Map<String, Long> configKeys) {

    /** True when the file still has the imported size and modification time. */
    boolean unchanged() throws IOException {
      try {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
            java.nio.file.attribute.BasicFileAttributes.class);
        return a.size() == size && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == mtimeNs;
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      }
    }
  }
}
