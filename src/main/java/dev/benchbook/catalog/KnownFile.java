package dev.benchbook.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.benchbook.results.Json;
import dev.benchbook.results.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row of the {@code files} table: a results file as it was when last imported.
 *
 * @param path relative to the data dir, '/' separated
 * @param stamp sizes and modification times then
 * @param contentHash content hash then (JSON bytes, then raw-rows bytes; see
 *     {@link CatalogUpdater#contentHash})
 * @param runId its run, or null when the file was bad
 * @param problems the problems of a bad file, as JSON text, or null
 */
record KnownFile(String path, FileStamp stamp, String contentHash, Long runId, String problems) {

  private static final String COLUMNS = "path, json_size, json_mtime_ns, rows_path, rows_size, "
      + "rows_mtime_ns, content_hash, run_id, problems";

  /** Every known file, by path. */
  static Map<String, KnownFile> all(Connection c) throws SQLException {
    Map<String, KnownFile> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM files");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        KnownFile k = of(rs);
        out.put(k.path(), k);
      }
    }
    return out;
  }

  /** One known file, read inside the caller's transaction. */
  static Optional<KnownFile> find(Connection c, String path) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM files WHERE path = ?")) {
      ps.setString(1, path);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(of(rs)) : Optional.empty();
      }
    }
  }

  /** Writes (inserts or replaces) a file's row. */
  static void save(Connection c, String path, FileStamp s, String contentHash, Long runId,
      List<Problem> problems, String importedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO files (" + COLUMNS
        + ", imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Inserts.bind(ps, 1, path);
      Inserts.bind(ps, 2, s.jsonSize());
      Inserts.bind(ps, 3, s.jsonMtimeNs());
      Inserts.bind(ps, 4, s.rowsPath());
      Inserts.bind(ps, 5, s.rowsSize());
      Inserts.bind(ps, 6, s.rowsMtimeNs());
      Inserts.bind(ps, 7, contentHash);
      Inserts.bind(ps, 8, runId);
      Inserts.bind(ps, 9, problems.isEmpty() ? null : problemsJson(problems));
      Inserts.bind(ps, 10, importedAt);
      ps.executeUpdate();
    }
  }

  /** Updates the sizes and times of a file whose content is unchanged. */
  static void touch(Connection c, String path, FileStamp s, String contentHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE files SET json_size = ?, "
        + "json_mtime_ns = ?, rows_size = ?, rows_mtime_ns = ? WHERE path = ? AND content_hash = ?")) {
      ps.setLong(1, s.jsonSize());
      ps.setLong(2, s.jsonMtimeNs());
      ps.setLong(3, s.rowsSize());
      ps.setLong(4, s.rowsMtimeNs());
      ps.setString(5, path);
      ps.setString(6, contentHash);
      ps.executeUpdate();
    }
  }

  /** Deletes a file's row. */
  static void delete(Connection c, String path) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM files WHERE path = ?")) {
      ps.setString(1, path);
      ps.executeUpdate();
    }
  }

  /** The stored problems of a bad file. */
  List<Problem> problemList() {
    if (problems == null) {
      return List.of();
    }
    try {
      List<Map<String, String>> list = Json.MAPPER.readValue(problems,
          new TypeReference<List<Map<String, String>>>() { });
      List<Problem> out = new ArrayList<>();
      for (Map<String, String> p : list) {
        out.add(new Problem(Path.of(p.get("file")), p.get("where"), p.get("message")));
      }
      return out;
    } catch (java.io.IOException e) {
      return List.of(new Problem(Path.of(path), "", "bad file (its stored problems are "
          + "unreadable; run benchbook catalog --rebuild)"));
    }
  }

  private static String problemsJson(List<Problem> problems) {
    List<Map<String, String>> list = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("file", p.file().toString());
      m.put("where", p.where());
      m.put("message", p.message());
      list.add(m);
    }
    return Inserts.json(list);
  }

  private static KnownFile of(ResultSet rs) throws SQLException {
    long rowsSize = rs.getLong(5);
    long rowsMtime = rs.getLong(6);
    long runId = rs.getLong(8);
    Long run = rs.wasNull() ? null : runId;
    return new KnownFile(rs.getString(1), new FileStamp(rs.getLong(2), rs.getLong(3),
        rs.getString(4), rowsSize, rowsMtime), rs.getString(7), run, rs.getString(9));
  }
}
