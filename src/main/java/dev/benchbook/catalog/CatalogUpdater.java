package dev.benchbook.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.results.Json;
import dev.benchbook.results.LoadReport;
import dev.benchbook.results.Problem;
import dev.benchbook.results.ResultsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a catalog up to date with its data dir, one results file per transaction.
 *
 * <p>A file whose size and modification time (and its raw-rows file's) match what was
 * imported is not read at all. Otherwise its content hash decides: the same hash only updates
 * the recorded times; a new hash re-imports it (the old run and everything derived from it are
 * deleted in the same transaction). Files gone from the data dir are removed. Reading, hashing
 * and validating happen before the transaction, so the write lock is held only for the inserts;
 * inside it the file's row is read again, so two processes importing the same file at once
 * import it once.
 */
final class CatalogUpdater {

  private final Path dataDir;
  private final Path dbFile;
  private final ImportProgress progress;
  private int imported;
  private int reimported;
  private int touched;
  private int unchanged;
  private int removed;
  private long rowsImported;
  private final List<Problem> problems = new ArrayList<>();

  CatalogUpdater(Path dataDir, Path dbFile, ImportProgress progress) {
    this.dataDir = dataDir;
    this.dbFile = dbFile;
    this.progress = progress;
  }

  /** Runs the update. */
  ImportReport run() throws IOException, SQLException {
    long t0 = System.nanoTime();
    List<Path> jsons = ResultsReader.resultFiles(dataDir);
    try (Connection c = CatalogDb.openWritable(dbFile)) {
      Map<String, KnownFile> known = KnownFile.all(c);
      Set<String> seen = new HashSet<>();
      List<Path> todo = new ArrayList<>();
      for (Path json : jsons) {
        String rel = relative(json);
        seen.add(rel);
        KnownFile k = known.get(rel);
        if (k != null && k.stamp().equals(FileStamp.of(json, k.stamp().rowsPath()))) {
          unchanged++;
          problems.addAll(k.problemList());
        } else {
          todo.add(json);
        }
      }
      for (KnownFile k : known.values()) {
        if (!seen.contains(k.path())) {
          remove(c, k.path());
        }
      }
      progress.started(todo.size());
      for (Path json : todo) {
        importFile(c, json, Optional.ofNullable(known.get(relative(json))));
        progress.fileDone(relative(json));
      }
      long[] totals = totals(c);
      return new ImportReport(dbFile, jsons.size(), imported, reimported, touched, unchanged,
          removed, rowsImported, totals[0], totals[1], problems, System.nanoTime() - t0);
    }
  }

  private String relative(Path json) {
    return dataDir.relativize(json).toString().replace('\\', '/');
  }

  private void importFile(Connection c, Path json, Optional<KnownFile> before)
      throws IOException, SQLException {
    String rel = relative(json);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(json);
    } catch (IOException e) {
      problems.add(new Problem(json, "", "cannot read the file: " + e.getMessage()));
      return;
    }
    FileStamp stamp = FileStamp.of(json, rowsFileName(bytes));
    String hash = sha256(bytes, stamp.rowsPath() == null || stamp.rowsSize() < 0 ? null
        : json.resolveSibling(stamp.rowsPath()));
    if (before.isPresent() && before.get().sha256().equals(hash)) {
      KnownFile.touch(c, rel, stamp, hash);
      touched++;
      problems.addAll(before.get().problemList());
      return;
    }
    LoadReport load = ResultsReader.load(json, ResultsReader.RowsMode.LOAD);
    write(c, rel, stamp, hash, load);
  }

  /** One transaction: re-check, delete the old run, insert the new one (or record it bad). */
  private void write(Connection c, String rel, FileStamp stamp, String hash, LoadReport load)
      throws SQLException {
    CatalogDb.begin(c);
    try {
      Optional<KnownFile> now = KnownFile.find(c, rel);
      if (now.isPresent() && now.get().sha256().equals(hash)) {
        CatalogDb.commit(c);
        unchanged++;
        problems.addAll(now.get().problemList());
        return;
      }
      if (now.isPresent() && now.get().runId() != null) {
        RunWriter.delete(c, now.get().runId());
      }
      Long runId = null;
      if (load.ok()) {
        runId = RunWriter.insert(c, rel, load.runs().get(0));
        rowsImported += load.runs().get(0).rows().map(r -> (long) r.size()).orElse(0L);
      } else {
        problems.addAll(load.problems());
      }
      KnownFile.save(c, rel, stamp, hash, runId, load.problems(), Times.format(Instant.now()));
      CatalogDb.commit(c);
      count(now, runId != null);
    } catch (SQLException | RuntimeException e) {
      CatalogDb.rollbackQuietly(c);
      throw e;
    }
  }

  /** Counts a written file: imported, re-imported, or (now bad) its old run removed. */
  private void count(Optional<KnownFile> before, boolean good) {
    boolean hadRun = before.isPresent() && before.get().runId() != null;
    if (good) {
      if (hadRun) {
        reimported++;
      } else {
        imported++;
      }
    } else if (hadRun) {
      removed++;
    }
  }

  private void remove(Connection c, String rel) throws SQLException {
    CatalogDb.begin(c);
    try {
      Optional<KnownFile> now = KnownFile.find(c, rel);
      if (now.isPresent() && !Files.exists(dataDir.resolve(rel))) {
        if (now.get().runId() != null) {
          RunWriter.delete(c, now.get().runId());
        }
        KnownFile.delete(c, rel);
        removed++;
      }
      CatalogDb.commit(c);
    } catch (SQLException | RuntimeException e) {
      CatalogDb.rollbackQuietly(c);
      throw e;
    }
  }

  /** The {@code rows_file} the JSON names, or null (also when it is not valid JSON). */
  private static String rowsFileName(byte[] json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      JsonNode rows = node == null ? null : node.get("rows_file");
      return rows != null && rows.isTextual() ? rows.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** SHA-256 of the JSON bytes followed by the raw-rows file's bytes (when there is one). */
  static String sha256(byte[] json, Path rows) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    md.update(json);
    if (rows != null) {
      byte[] buf = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(rows)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static long[] totals(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(raw_rows), 0) FROM runs")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
