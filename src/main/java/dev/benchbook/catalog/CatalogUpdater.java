package dev.benchbook.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.analysis.Fairness;
import dev.benchbook.results.Json;
import dev.benchbook.results.LoadReport;
import dev.benchbook.results.Problem;
import dev.benchbook.results.ResultFiles;
import dev.benchbook.results.ResultsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

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

  private static final int READ_AHEAD = 2;
  /**
   * Checkpoints on a thread of their own during an import ({@link Checkpointer}); the system
   * property {@code benchbook.catalog.noBackgroundCheckpoints=true} turns them off, for A/B
   * measurements (docs/PERFORMANCE.md, Step 17).
   */
  private static final boolean BACKGROUND_CHECKPOINTS =
      !Boolean.getBoolean("benchbook.catalog.noBackgroundCheckpoints");
  private final Path dataDir;
  private final Path dbFile;
  private final ImportProgress progress;
  private int imported;
  private int reimported;
  private int touched;
  private int unchanged;
  private int removed;
  private long rowsImported;
  private long readNs;
  private long insertNs;
  private long insertCpuNs;
  private final List<Problem> problems = new ArrayList<>();

  CatalogUpdater(Path dataDir, Path dbFile, ImportProgress progress) {
    this.dataDir = dataDir;
    this.dbFile = dbFile;
    this.progress = progress;
  }

  /**
   * Runs the update: a read-only check first, a writer only when something changed. When there
   * is no catalog file yet, every file is new: reading starts before the writer's connection
   * opens, so the first files are parsed while the schema is made.
   */
  ImportReport run() throws IOException, SQLException {
    long t0 = System.nanoTime();
    List<Path> jsons = ResultFiles.under(dataDir);
    Optional<ImportReport> upToDate = upToDate(jsons, t0);
    if (upToDate.isPresent()) {
      return upToDate.get();
    }
    ReadAhead<Prepared> early = Files.exists(dbFile) ? null : reads(jsons, Map.of());
    try (Connection c = CatalogDb.openWritable(dbFile)) {
      CatalogDb.exec(c, "PRAGMA wal_autocheckpoint = 0");
      Map<String, KnownFile> known = KnownFile.all(c);
      Plan plan = plan(jsons, known);
      unchanged = plan.unchanged();
      problems.addAll(plan.problems());
      for (String gone : plan.gone()) {
        remove(c, gone);
      }
      progress.started(plan.todo().size());
      if (early != null && !known.isEmpty()) {
        early.close();
        early = null;
      }
      try (ReadAhead<Prepared> reads = early != null ? early : reads(plan.todo(), known)) {
        early = null;
        importAll(c, reads);
      }
      CatalogDb.exec(c, "PRAGMA wal_checkpoint(PASSIVE)");
      return report(c, jsons.size(), t0);
    } finally {
      if (early != null) {
        early.close();
      }
    }
  }

  /**
   * The files prepared on a helper thread, {@value #READ_AHEAD} ahead of the writer. A file's
   * row in {@code known} only lets a file whose content is unchanged skip validation; an empty
   * map is always safe (the transaction looks the file up again).
   */
  private ReadAhead<Prepared> reads(List<Path> todo, Map<String, KnownFile> known) {
    return new ReadAhead<>(todo, READ_AHEAD,
        json -> prepare(json, Optional.ofNullable(known.get(relative(json)))));
  }

  /**
   * The files to read and to remove, from sizes and modification times alone.
   *
   * @param todo new files and files whose stamp changed
   * @param gone known files no longer in the data dir
   * @param unchanged files whose stamp is unchanged
   * @param problems the stored problems of unchanged bad files
   */
  private record Plan(List<Path> todo, List<String> gone, int unchanged, List<Problem> problems) {
  }

  private Plan plan(List<Path> jsons, Map<String, KnownFile> known) throws IOException {
    Set<String> seen = new HashSet<>();
    List<Path> todo = new ArrayList<>();
    List<Problem> bad = new ArrayList<>();
    int same = 0;
    for (Path json : jsons) {
      String rel = relative(json);
      seen.add(rel);
      KnownFile k = known.get(rel);
      if (k != null && k.stamp().equals(FileStamp.of(json, k.stamp().rowsPath()))) {
        same++;
        bad.addAll(k.problemList());
      } else {
        todo.add(json);
      }
    }
    List<String> gone = new ArrayList<>();
    for (String path : known.keySet()) {
      if (!seen.contains(path)) {
        gone.add(path);
      }
    }
    return new Plan(todo, gone, same, bad);
  }

  /**
   * The report of an up-to-date catalog, read on a read-only connection (no write lock, no
   * schema work), or empty when something must be imported or removed.
   */
  private Optional<ImportReport> upToDate(List<Path> jsons, long t0) throws IOException {
    if (!Files.isRegularFile(dbFile)) {
      return Optional.empty();
    }
    try (Connection c = CatalogDb.openReadOnly(dbFile)) {
      if (CatalogDb.schemaVersion(c) != CatalogDb.SCHEMA_VERSION) {
        return Optional.empty();
      }
      Plan plan = plan(jsons, KnownFile.all(c));
      if (!plan.todo().isEmpty() || !plan.gone().isEmpty()) {
        return Optional.empty();
      }
      unchanged = plan.unchanged();
      problems.addAll(plan.problems());
      return Optional.of(report(c, jsons.size(), t0));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private ImportReport report(Connection c, int files, long t0) throws SQLException {
    long[] totals = totals(c);
    return new ImportReport(dbFile, files, imported, reimported, touched, unchanged, removed,
        rowsImported, totals[0], totals[1], problems, readNs, insertNs, insertCpuNs,
        System.nanoTime() - t0);
  }

  private String relative(Path json) {
    return dataDir.relativize(json).toString().replace('\\', '/');
  }

  /**
   * Writes the files in path order, one transaction each, while a helper thread reads, hashes
   * and validates the next ones: on two cores the parsing of the next file overlaps the inserts
   * of this one. After each commit a third thread copies the committed WAL frames into the
   * catalog file, so little is left to copy at the end.
   */
  private void importAll(Connection c, ReadAhead<Prepared> reads)
      throws IOException, SQLException {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    try (Checkpointer checkpointer = new Checkpointer(dbFile)) {
      for (int i = 0; i < reads.files().size(); i++) {
        Prepared p = reads.take(i);
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        apply(c, p);
        insertNs += System.nanoTime() - t0;
        insertCpuNs += threads.getCurrentThreadCpuTime() - cpu0;
        readNs += p.readNs();
        if (BACKGROUND_CHECKPOINTS) {
          checkpointer.afterCommit();
        }
        progress.fileDone(p.rel());
      }
    }
  }

  /**
   * A file read and checked, ready to write.
   *
   * @param json the file
   * @param rel its path relative to the data dir
   * @param before its row in the catalog when it was planned
   * @param stamp its sizes and times (null when it could not be read)
   * @param hash its content hash (null when it could not be read)
   * @param load the validated run or its problems (null when only its times changed)
   * @param problems problems found reading it
   * @param readNs time spent reading, hashing and validating it
   * @param standings its mitigations under the winner rule (empty when it has none)
   */
  private record Prepared(Path json, String rel, Optional<KnownFile> before, FileStamp stamp,
      String hash, LoadReport load, List<Problem> problems, long readNs,
      Map<String, dev.benchbook.analysis.Winner.Standing> standings) {
  }

  /** Reads, hashes and (when its content changed) validates one file; touches no database. */
  private Prepared prepare(Path json, Optional<KnownFile> before) throws IOException {
    long t0 = System.nanoTime();
    String rel = relative(json);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(json);
    } catch (IOException e) {
      return new Prepared(json, rel, before, null, null, null, List.of(new Problem(json, "",
          "cannot read the file: " + e.getMessage())), System.nanoTime() - t0, Map.of());
    }
    FileStamp stamp = FileStamp.of(json, rowsFileName(bytes));
    String hash = contentHash(bytes, stamp.rowsPath() == null || stamp.rowsSize() < 0 ? null
        : json.resolveSibling(stamp.rowsPath()));
    LoadReport load = before.isPresent() && before.get().contentHash().equals(hash) ? null
        : withFairness(ResultsReader.load(json, ResultsReader.RowsMode.LOAD));
    Map<String, dev.benchbook.analysis.Winner.Standing> standings = load != null && load.ok()
        ? RunWriter.standings(load.runs().get(0)) : Map.of();
    return new Prepared(json, rel, before, stamp, hash, load, List.of(), System.nanoTime() - t0,
        standings);
  }

  /**
   * The loaded runs with fairness figures filled from their raw rows where the file has none
   * (as reports and the API do), so older files with rows get the same columns.
   */
  private static LoadReport withFairness(LoadReport load) {
    return new LoadReport(load.runs().stream().map(Fairness::fill).toList(), load.problems());
  }

  /** Writes one prepared file: a touch, a (re-)import, or its problems. */
  private void apply(Connection c, Prepared p) throws SQLException {
    if (p.stamp() == null) {
      problems.addAll(p.problems());
    } else if (p.load() == null) {
      KnownFile.touch(c, p.rel(), p.stamp(), p.hash());
      touched++;
      problems.addAll(p.before().orElseThrow().problemList());
    } else {
      write(c, p.rel(), p.stamp(), p.hash(), p.load(), p.standings());
    }
  }

  /** One transaction: re-check, delete the old run, insert the new one (or record it bad). */
  private void write(Connection c, String rel, FileStamp stamp, String hash, LoadReport load,
      Map<String, dev.benchbook.analysis.Winner.Standing> standings) throws SQLException {
    CatalogDb.begin(c);
    try {
      Optional<KnownFile> now = KnownFile.find(c, rel);
      if (now.isPresent() && now.get().contentHash().equals(hash)) {
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
        runId = RunWriter.insert(c, RunIds.runId(rel, hash), rel, load.runs().get(0),
            standings);
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

  /**
   * Content hash of the JSON bytes followed by the raw-rows file's bytes (when there is one):
   * CRC-32C and CRC-32 (two polynomials, 64 bits together), which the JVM computes with the
   * CPU's CRC instructions at several GB/s even in the client compiler, where SHA-256 runs in
   * plain Java. It tells a changed file from a touched one; it is not a defence against
   * deliberately forged collisions, which a local benchmark folder does not need.
   */
  static String contentHash(byte[] json, Path rows) throws IOException {
    CRC32C c = new CRC32C();
    CRC32 d = new CRC32();
    c.update(json);
    d.update(json);
    if (rows != null) {
      byte[] buf = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(rows)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          c.update(buf, 0, n);
          d.update(buf, 0, n);
        }
      }
    }
    return String.format(java.util.Locale.ROOT, "%08x%08x", c.getValue(), d.getValue());
  }

  private static long[] totals(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(raw_rows), 0) FROM runs")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
