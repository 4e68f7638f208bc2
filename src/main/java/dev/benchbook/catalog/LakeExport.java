package dev.benchbook.catalog;

import dev.benchbook.catalog.LakeTable.Scope;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a lake up to date with a catalog: writes the runs it lacks, removes the runs this
 * catalog exported before and no longer has, rewrites a run one of whose files is missing or
 * not Parquet, and leaves every other run (another runner's, in a merged lake) alone.
 *
 * <p>Each run is written into {@code _benchbook/tmp} first and renamed into place table by
 * table, its {@code runs} partition last, so no partition is ever half-written and a run
 * without its {@code runs} partition (a {@code kill -9} between two renames) is written again
 * by the next export. One export at a time per lake (a file lock).
 */
final class LakeExport {

  private static final Object IN_PROCESS = new Object();
  /** Raw rows per batch: bounds the memory DuckDB stages (about 150 bytes a row). */
  static final long BATCH_ROWS = 2_000_000L;
  private static final int BATCH_RUNS = 500;

  private final Path catalogFile;
  private final Optional<Path> dataDir;
  private final Path lake;
  private final ImportProgress progress;
  private final List<String> repaired = new ArrayList<>();
  private int written;
  private int removed;
  private long rows;
  private int runsFromFiles;
  private RowsFileWriter fromFiles;

  /**
   * An export of {@code catalogFile} into {@code lake}; with the catalog's data dir, rows
   * partitions are written from the runs' raw-rows files where they are unchanged.
   */
  LakeExport(Path catalogFile, Optional<Path> dataDir, Path lake, ImportProgress progress) {
    this.catalogFile = catalogFile;
    this.dataDir = dataDir;
    this.lake = lake;
    this.progress = progress;
  }

  /** Runs the export under the lake's lock. */
  LakeReport run() throws SQLException, IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(LakeLayout.lock(lake).getParent());
    synchronized (IN_PROCESS) {
      try (FileChannel ch = FileChannel.open(LakeLayout.lock(lake), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        int kept = update();
        return new LakeReport(lake, written, removed, kept, rows, repaired,
            System.nanoTime() - t0).withRunsFromRowsFiles(runsFromFiles);
      }
    }
  }

  private int update() throws SQLException, IOException {
    LakeLayout.deleteTree(LakeLayout.tmp(lake));
    Files.createDirectories(LakeLayout.tmp(lake));
    try (Connection c = CatalogDb.openReadOnly(catalogFile);
        LakeWriter writer = new LakeWriter(c)) {
      try {
        return update(c, writer, LakeSchema.read(c));
      } finally {
        if (fromFiles != null) {
          fromFiles.close();
        }
      }
    }
  }

  private int update(Connection c, LakeWriter writer, List<LakeTable> tables)
      throws SQLException, IOException {
    boolean schemaChanged = schema(tables, writer);
    Set<Long> catalogRuns = runIds(c);
    Path mine = LakeLayout.sources(lake).resolve(sourceId() + ".runs");
    Set<Long> before = readIds(mine);
    remove(before, catalogRuns, mine, tables);
    Set<Long> toWrite = toWrite(catalogRuns, tables, schemaChanged);
    Set<Long> listed = new LinkedHashSet<>(before);
    listed.addAll(toWrite);
    writeIds(mine, listed);
    progress.started(toWrite.size());
    for (List<Long> batch : batches(c, toWrite)) {
      writeBatch(c, writer, tables, batch);
    }
    for (LakeTable t : tables) {
      if (t.scope() == Scope.LOOKUP) {
        writer.writeLookup(t, lake, LakeLayout.tmp(lake));
      }
    }
    writeIds(mine, catalogRuns);
    LakeLayout.deleteTree(LakeLayout.tmp(lake));
    return catalogRuns.size() - toWrite.size();
  }

  /** The rows-file writer, made on first use; null without a data dir. */
  private RowsFileWriter fromFiles(Connection c, LakeTable rowsTable) throws SQLException {
    if (fromFiles == null && dataDir.isPresent()) {
      fromFiles = new RowsFileWriter(c, dataDir.get(), rowsTable);
    }
    return fromFiles;
  }

  /** Writes the schema files when the catalog's tables differ from the lake's; true then. */
  private boolean schema(List<LakeTable> tables, LakeWriter writer)
      throws SQLException, IOException {
    Path sig = LakeLayout.schemaFile(lake, "x").resolveSibling("signature.txt");
    String now = signature(tables);
    boolean same = Files.exists(sig) && Files.readString(sig).equals(now)
        && tables.stream().allMatch(t -> Files.exists(LakeLayout.schemaFile(lake, t.name())));
    if (same) {
      return false;
    }
    for (LakeTable t : tables) {
      Path tmp = LakeLayout.tmp(lake).resolve("schema-" + t.name() + ".parquet");
      writer.writeSchema(t, tmp);
      Files.createDirectories(LakeLayout.schemaFile(lake, t.name()).getParent());
      Files.move(tmp, LakeLayout.schemaFile(lake, t.name()), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    atomicWrite(sig, now);
    return true;
  }

  private static String signature(List<LakeTable> tables) {
    StringBuilder sb = new StringBuilder();
    for (LakeTable t : tables) {
      sb.append(t.name()).append(' ').append(t.scope()).append(':');
      t.columns().forEach(c -> sb.append(' ').append(c.name()).append('/').append(c.type()));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Removes runs this catalog exported before and no longer has (unless another lists them). */
  private void remove(Set<Long> before, Set<Long> catalogRuns, Path mine, List<LakeTable> tables)
      throws IOException {
    Set<Long> others = otherSourcesIds(mine);
    for (long id : before) {
      if (!catalogRuns.contains(id) && !others.contains(id)) {
        deleteRun(id, tables);
        removed++;
      }
    }
  }

  /** Runs of the catalog not in the lake, or with a missing or damaged file (all when the schema changed). */
  private Set<Long> toWrite(Set<Long> catalogRuns, List<LakeTable> tables, boolean all)
      throws IOException {
    Set<Long> out = new LinkedHashSet<>();
    for (long id : catalogRuns) {
      if (all || !complete(id, tables)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * True when the run's {@code runs} partition is in place (renamed last, so every other table's
   * partition was placed before it) and each of its partitions holds only Parquet files that look
   * whole; a table with no rows for the run has no partition.
   */
  private boolean complete(long runId, List<LakeTable> tables) throws IOException {
    if (!Files.isDirectory(LakeLayout.partition(lake, "runs", runId))) {
      return false;
    }
    boolean whole = true;
    for (LakeTable t : tables) {
      Path dir = LakeLayout.partition(lake, t.name(), runId);
      if (t.scope() != Scope.RUN || !Files.isDirectory(dir)) {
        continue;
      }
      for (Path f : LakeLayout.parquetFiles(dir)) {
        var bad = LakeLayout.notParquet(f);
        if (bad.isPresent()) {
          repaired.add(lake.relativize(f) + ": " + bad.get());
          whole = false;
        }
      }
    }
    return whole;
  }

  /** Runs in batches of at most {@value #BATCH_ROWS} raw rows (or one run), in catalog order. */
  private static List<List<Long>> batches(Connection c, Set<Long> runs) throws SQLException {
    java.util.Map<Long, Long> rawRows = new java.util.HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id, raw_rows FROM runs")) {
      while (rs.next()) {
        rawRows.put(rs.getLong(1), rs.getLong(2));
      }
    }
    List<List<Long>> out = new ArrayList<>();
    List<Long> batch = new ArrayList<>();
    long rows = 0;
    for (long id : runs) {
      long n = rawRows.getOrDefault(id, 0L);
      if (!batch.isEmpty() && (rows + n > BATCH_ROWS || batch.size() >= BATCH_RUNS)) {
        out.add(batch);
        batch = new ArrayList<>();
        rows = 0;
      }
      batch.add(id);
      rows += n;
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }

  /** Writes a batch of runs into the temporary folder, then renames each run into place. */
  private void writeBatch(Connection c, LakeWriter writer, List<LakeTable> tables,
      List<Long> batch) throws SQLException, IOException {
    Path tmp = LakeLayout.tmp(lake).resolve("batch");
    LakeLayout.deleteTree(tmp);
    for (LakeTable t : tables) {
      if (t.scope() != Scope.RUN) {
        continue;
      }
      if (t.name().equals("rows")) {
        rows += writeRows(writer, fromFiles(c, t), t, batch, tmp);
      } else {
        writer.writeRuns(t, batch, tmp.resolve(t.name()));
      }
    }
    for (long runId : batch) {
      placeRun(tables, tmp, runId);
      progress.fileDone(Long.toString(runId));
    }
    LakeLayout.deleteTree(tmp);
  }

  /**
   * Writes the batch's rows partitions: from the raw-rows files where it can, the other runs
   * from the catalog (into a folder of their own, then moved beside the others); returns the
   * rows written.
   */
  private long writeRows(LakeWriter writer, RowsFileWriter fromFiles, LakeTable t,
      List<Long> batch, Path tmp) throws SQLException, IOException {
    Path dir = tmp.resolve(t.name());
    java.util.Map<Long, Long> done = fromFiles == null ? java.util.Map.of()
        : fromFiles.write(batch, dir);
    runsFromFiles += done.size();
    long n = done.values().stream().mapToLong(Long::longValue).sum();
    List<Long> rest = batch.stream().filter(id -> !done.containsKey(id)).toList();
    if (rest.isEmpty()) {
      return n;
    }
    Path fromCatalog = tmp.resolve(t.name() + ".catalog");
    n += writer.writeRuns(t, rest, fromCatalog);
    for (long runId : rest) {
      place(fromCatalog.resolve("run_id=" + runId), dir.resolve("run_id=" + runId));
    }
    return n;
  }

  /** Un-commits the run (a rewrite), places every table's partition, the runs partition last. */
  private void placeRun(List<LakeTable> tables, Path tmp, long runId) throws IOException {
    LakeLayout.deleteTree(LakeLayout.partition(lake, "runs", runId));
    for (LakeTable t : tables) {
      if (t.scope() == Scope.RUN && !t.name().equals("runs")) {
        place(LakeLayout.partition(tmp, t.name(), runId),
            LakeLayout.partition(lake, t.name(), runId));
      }
    }
    place(LakeLayout.partition(tmp, "runs", runId), LakeLayout.partition(lake, "runs", runId));
    written++;
  }

  /** Replaces {@code to} with {@code from} (absent: the table has no rows for the run). */
  private static void place(Path from, Path to) throws IOException {
    LakeLayout.deleteTree(to);
    if (Files.isDirectory(from)) {
      Files.createDirectories(to.getParent());
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private void deleteRun(long runId, List<LakeTable> tables) throws IOException {
    LakeLayout.deleteTree(LakeLayout.partition(lake, "runs", runId));
    for (Path dir : LakeLayout.tableDirs(lake)) {
      LakeLayout.deleteTree(dir.resolve("run_id=" + runId));
    }
    for (LakeTable t : tables) {
      LakeLayout.deleteTree(LakeLayout.partition(lake, t.name(), runId));
    }
  }

  private static Set<Long> runIds(Connection c) throws SQLException {
    Set<Long> ids = new LinkedHashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id FROM runs ORDER BY created_at, run_id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /**
   * This catalog's name in the lake: 16 hex digits of SHA-256 over the host name and the
   * catalog's absolute path, so runners exporting into one lake keep separate lists.
   */
  private String sourceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    String key = host + "\n" + catalogFile.toAbsolutePath().normalize();
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static Set<Long> readIds(Path file) throws IOException {
    Set<Long> ids = new LinkedHashSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          ids.add(Long.parseLong(line.strip()));
        }
      }
    }
    return ids;
  }

  private Set<Long> otherSourcesIds(Path mine) throws IOException {
    Set<Long> ids = new HashSet<>();
    Path dir = LakeLayout.sources(lake);
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".runs") && !p.equals(mine)).toList()) {
        ids.addAll(readIds(p));
      }
    }
    return ids;
  }

  private void writeIds(Path file, Set<Long> ids) throws IOException {
    StringBuilder sb = new StringBuilder();
    ids.forEach(id -> sb.append(id).append('\n'));
    atomicWrite(file, sb.toString());
  }

  private void atomicWrite(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = LakeLayout.tmp(lake).resolve(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
