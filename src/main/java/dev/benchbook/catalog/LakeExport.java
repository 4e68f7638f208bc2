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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Brings a lake up to date with a catalog, in batches: the runs it lacks are written as new
 * batches (one Parquet file per table, each holding many runs), batches of this data dir that
 * hold runs it no longer has are rewritten without them, damaged batches of this data dir are
 * replaced, small batches are merged once there are many, and every other runner's batch (in a
 * merged lake) is left alone.
 *
 * <p>A batch is written into {@code _benchbook/tmp} first, its folders are renamed into place
 * (the {@code runs} folder last) and its manifest is written last: a batch without a manifest is
 * never read, and the next export deletes it. A batch is replaced by writing the new one first
 * and deleting the old one (manifest first) after, so a reader sees either; a run in both is
 * read from the newer ({@link LakeState}). One export at a time per lake (a file lock).
 */
final class LakeExport {

  private static final Object IN_PROCESS = new Object();

  private final Path catalogFile;
  private final Optional<Path> dataDir;
  private final Path lake;
  private final ImportProgress progress;
  private final boolean forceCompact;
  private final LakeLimits limits;
  private final String source;
  private final List<String> repaired = new ArrayList<>();
  private Optional<String> lastId = Optional.empty();
  private int removed;
  private long rows;
  private int runsFromFiles;
  private int batches;
  private int merged;

  /**
   * An export of {@code catalogFile} into {@code lake}; with the catalog's data dir, raw rows
   * are read from the runs' rows files where they are unchanged; {@code compact} merges every
   * small batch of this data dir, not only once there are more than the limits allow.
   */
  LakeExport(Path catalogFile, Optional<Path> dataDir, Path lake, ImportProgress progress,
      boolean compact, LakeLimits limits) {
    this.catalogFile = catalogFile;
    this.dataDir = dataDir;
    this.lake = lake;
    this.progress = progress;
    this.forceCompact = compact;
    this.limits = limits;
    this.source = sourceId(catalogFile);
  }

  /** Runs the export under the lake's lock. */
  LakeReport run() throws SQLException, IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(LakeLayout.lock(lake).getParent());
    synchronized (IN_PROCESS) {
      try (FileChannel ch = FileChannel.open(LakeLayout.lock(lake), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        int[] writtenKept = update();
        return new LakeReport(lake, writtenKept[0], removed, writtenKept[1], rows, repaired,
            System.nanoTime() - t0).with(runsFromFiles, batches, merged);
      }
    }
  }

  private int[] update() throws SQLException, IOException {
    LakeLayout.deleteTree(LakeLayout.tmp(lake));
    Files.createDirectories(LakeLayout.tmp(lake));
    try (Connection c = CatalogDb.openReadOnly(catalogFile);
        LakeWriter writer = new LakeWriter(c)) {
      return update(c, writer, LakeSchema.read(c));
    }
  }

  /**
   * Writes the new runs' batches: every batch's raw rows are streamed from the rows files on the
   * workers (one batch per core at a time, started up front), while this thread writes the
   * schema and lookup files, then the batches' other tables from the catalog, and commits each
   * batch in turn.
   */
  private void writeNew(Connection c, LakeWriter writer, List<LakeTable> tables,
      List<List<Long>> chunks, Map<Long, Long> catalogRows, boolean schemaChanged)
      throws SQLException, IOException {
    if (chunks.isEmpty()) {
      writeShared(writer, tables, schemaChanged);
      return;
    }
    LakeTable rowsTable = tables.stream().filter(t -> t.name().equals("rows")
        && t.scope() == Scope.RUN).findFirst().orElse(null);
    RowsFileWriter files = rowsTable == null || dataDir.isEmpty() ? null
        : new RowsFileWriter(c, dataDir.get(), rowsTable, writer.duck());
    try {
      List<String> ids = new ArrayList<>();
      List<Future<Map<Long, Long>>> streams = new ArrayList<>();
      for (List<Long> chunk : chunks) {
        String id = nextId();
        ids.add(id);
        streams.add(files == null ? CompletableFuture.completedFuture(Map.of())
            : files.stream(chunk, LakeLayout.tmp(lake).resolve(id).resolve("rows")
                .resolve(LakeLayout.PART)));
      }
      writeShared(writer, tables, schemaChanged);
      for (int i = 0; i < chunks.size(); i++) {
        writeNewBatch(writer, tables, chunks.get(i), ids.get(i), catalogRows,
            new Rows(files, rowsTable, streams.get(i)));
      }
    } finally {
      if (files != null) {
        files.close();
      }
    }
  }

  /**
   * The raw rows of one new batch: what its stream wrote, and the writer that stages the rest.
   *
   * @param files the rows-file writer (null without a data dir)
   * @param table the lake's rows table (null when the catalog has none)
   * @param stream the batch's stream of rows files
   */
  private record Rows(RowsFileWriter files, LakeTable table, Future<Map<Long, Long>> stream) {

    /** The runs the stream wrote, with their raw rows. */
    Map<Long, Long> streamed() throws IOException {
      try {
        return stream.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing raw rows", e);
      } catch (ExecutionException e) {
        throw new IOException("cannot write raw rows: " + e.getCause(), e.getCause());
      }
    }
  }

  private int[] update(Connection c, LakeWriter writer, List<LakeTable> tables)
      throws SQLException, IOException {
    boolean schemaChanged = !schemaUpToDate(tables);
    LakeState state = LakeState.read(lake);
    if (state.oldLayout()) {
      dropOldLayout();
    }
    lastId = state.newestId();
    Map<Long, Long> catalogRuns = runRows(c);
    Set<Long> mineBefore = new HashSet<>();
    Set<Long> others = new HashSet<>();
    for (LakeBatch b : state.committed()) {
      (mine(b) ? mineBefore : others).addAll(b.runs().keySet());
    }
    others.retainAll(state.owners().keySet());
    Map<Long, String> owners = state.owners();
    List<Long> toWrite = catalogRuns.keySet().stream()
        .filter(id -> schemaChanged || !owners.containsKey(id)).toList();
    progress.started(toWrite.size());
    writeNew(c, writer, tables, chunks(toWrite, catalogRuns), catalogRuns, schemaChanged);
    tidy(LakeState.read(lake), catalogRuns.keySet(), writer, tables);
    compact(LakeState.read(lake), writer, tables);
    for (String id : LakeState.read(lake).uncommitted()) {
      if (LakeBatch.madeBy(id, source)) {
        deleteFolders(id);
      }
    }
    mineBefore.removeAll(catalogRuns.keySet());
    mineBefore.removeAll(others);
    removed = mineBefore.size();
    LakeLayout.deleteTree(LakeLayout.tmp(lake));
    return new int[] {toWrite.size(), catalogRuns.size() - toWrite.size()};
  }

  /** True when this data dir wrote the batch. */
  private boolean mine(LakeBatch b) {
    return b.source().equals(source);
  }

  /**
   * Deletes this data dir's damaged batches (their runs were written again), and rewrites each
   * of its batches that holds runs it should not: runs the catalog no longer has, or that a newer
   * batch holds too.
   */
  private void tidy(LakeState state, Set<Long> catalogRuns, LakeWriter writer,
      List<LakeTable> tables) throws SQLException, IOException {
    Map<Long, String> owners = state.owners();
    for (LakeBatch b : state.committed()) {
      if (!mine(b)) {
        continue;
      }
      if (state.damaged(b.id())) {
        repaired.addAll(state.damage(b.id()));
        deleteBatch(b);
        continue;
      }
      List<Long> keep = b.runs().keySet().stream().filter(r -> catalogRuns.contains(r)
          && b.id().equals(owners.get(r))).toList();
      if (keep.size() == b.runs().size()) {
        continue;
      }
      if (!keep.isEmpty()) {
        copyBatches(state, List.of(b), keep, writer, tables);
      }
      deleteBatch(b);
    }
  }

  /**
   * Merges this data dir's small batches (under half the row and run caps) into as few as the
   * caps allow, once there are more than {@link LakeLimits#compactAt()} of them (or two, when
   * asked), so exporting one run at a time does not leave thousands of small files.
   */
  private void compact(LakeState state, LakeWriter writer, List<LakeTable> tables)
      throws SQLException, IOException {
    List<LakeBatch> small = state.whole().stream().filter(this::mine).filter(limits::small)
        .toList();
    if (small.size() <= limits.compactAt() && !(forceCompact && small.size() >= 2)) {
      return;
    }
    List<List<LakeBatch>> groups = new ArrayList<>();
    List<LakeBatch> group = new ArrayList<>();
    long groupRows = 0;
    int groupRuns = 0;
    for (LakeBatch b : small) {
      if (!group.isEmpty() && (groupRows + b.rows() > limits.batchRows()
          || groupRuns + b.runs().size() > limits.batchRuns())) {
        groups.add(group);
        group = new ArrayList<>();
        groupRows = 0;
        groupRuns = 0;
      }
      group.add(b);
      groupRows += b.rows();
      groupRuns += b.runs().size();
    }
    groups.add(group);
    for (List<LakeBatch> g : groups) {
      if (g.size() < 2) {
        continue;
      }
      List<Long> runs = g.stream().flatMap(b -> b.runs().keySet().stream()).toList();
      copyBatches(state, g, runs, writer, tables);
      for (LakeBatch b : g) {
        deleteBatch(b);
      }
      merged += g.size();
    }
  }

  /** Writes a new batch holding {@code runs} of the batches {@code from}, read from their files. */
  private void copyBatches(LakeState state, List<LakeBatch> from, List<Long> runs,
      LakeWriter writer, List<LakeTable> tables) throws SQLException, IOException {
    String id = nextId();
    Path dir = LakeLayout.tmp(lake).resolve(id);
    List<String> written = new ArrayList<>();
    for (LakeTable t : tables) {
      if (t.scope() != Scope.RUN) {
        continue;
      }
      List<Path> files = from.stream().flatMap(b -> state.files(b.id(), t.name()).stream())
          .toList();
      if (writer.copyFromLake(t, files, runs, dir.resolve(t.name()).resolve(LakeLayout.PART))
          > 0) {
        written.add(t.name());
      }
    }
    Map<Long, Long> rawRows = new LinkedHashMap<>();
    for (LakeBatch b : from) {
      b.runs().forEach((run, n) -> {
        if (runs.contains(run)) {
          rawRows.put(run, n);
        }
      });
    }
    commit(id, dir, written, rawRows);
  }

  /**
   * Runs in chunks within the limits' raw rows and runs, of about equal size, as many as a
   * multiple of the cores when there are several (so the workers that write them finish
   * together).
   */
  private List<List<Long>> chunks(List<Long> runs, Map<Long, Long> rawRows) {
    long total = runs.stream().mapToLong(id -> rawRows.getOrDefault(id, 0L)).sum();
    long count = Math.max(1, (total + limits.batchRows() - 1) / limits.batchRows());
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    if (count > 1) {
      count = (count + cores - 1) / cores * cores;
    }
    long target = Math.max(1, (total + count - 1) / count);
    List<List<Long>> out = new ArrayList<>();
    List<Long> chunk = new ArrayList<>();
    long n = 0;
    for (long id : runs) {
      long r = rawRows.getOrDefault(id, 0L);
      if (!chunk.isEmpty() && (n + r > limits.batchRows() || n >= target
          || chunk.size() >= limits.batchRuns())) {
        out.add(chunk);
        chunk = new ArrayList<>();
        n = 0;
      }
      chunk.add(id);
      n += r;
    }
    if (!chunk.isEmpty()) {
      out.add(chunk);
    }
    return out;
  }

  /** Writes the catalog's runs {@code chunk} as the new batch {@code id}. */
  private void writeNewBatch(LakeWriter writer, List<LakeTable> tables, List<Long> chunk,
      String id, Map<Long, Long> catalogRows, Rows rows) throws SQLException, IOException {
    Path dir = LakeLayout.tmp(lake).resolve(id);
    List<String> written = new ArrayList<>();
    for (LakeTable t : tables) {
      if (t.scope() != Scope.RUN || t == rows.table()) {
        continue;
      }
      if (writer.writeTable(t, chunk, dir.resolve(t.name()).resolve(LakeLayout.PART)) > 0) {
        written.add(t.name());
      }
    }
    if (rows.table() != null && writeRows(writer, rows, chunk, dir.resolve("rows")) > 0) {
      written.add("rows");
    }
    Map<Long, Long> runs = new LinkedHashMap<>();
    chunk.forEach(run -> runs.put(run, catalogRows.getOrDefault(run, 0L)));
    commit(id, dir, written, runs);
    chunk.forEach(run -> progress.fileDone(Long.toString(run)));
  }

  /**
   * The chunk's raw rows in {@code dir}: {@code part-0.parquet} as the stream wrote it, and the
   * runs it did not write in {@code part-1.parquet}, staged from their rows files one by one
   * where they can be read as the import read them, else from the catalog, and written sorted
   * by run; returns the rows written.
   */
  private long writeRows(LakeWriter writer, Rows rows, List<Long> chunk, Path dir)
      throws SQLException, IOException {
    Map<Long, Long> streamed = rows.streamed();
    long n = streamed.values().stream().mapToLong(Long::longValue).sum();
    List<Long> rest = chunk.stream().filter(id -> !streamed.containsKey(id)).toList();
    int fromFiles = streamed.size();
    if (!rest.isEmpty()) {
      writer.createRowsStage(rows.table());
      Map<Long, Long> staged = rows.files() == null ? Map.of()
          : rows.files().stage(rest, LakeWriter.ROWS_STAGE);
      fromFiles += staged.size();
      List<Long> fromCatalog = rest.stream().filter(id -> !staged.containsKey(id)).toList();
      long more = staged.values().stream().mapToLong(Long::longValue).sum()
          + writer.appendFromCatalog(rows.table(), fromCatalog, LakeWriter.ROWS_STAGE);
      if (more > 0) {
        n += writer.writeStage(rows.table(), LakeWriter.ROWS_STAGE,
            dir.resolve(streamed.isEmpty() ? LakeLayout.PART : "part-1.parquet"));
      }
    }
    runsFromFiles += fromFiles;
    this.rows += n;
    return n;
  }

  /**
   * Puts a written batch in place: its table folders renamed into the lake ({@code runs} last),
   * then its manifest, which makes it part of the lake.
   */
  private void commit(String id, Path dir, List<String> tables, Map<Long, Long> runs)
      throws IOException {
    List<String> order = new ArrayList<>(tables);
    if (order.remove("runs")) {
      order.add("runs");
    }
    for (String t : order) {
      Path to = LakeLayout.batchDir(lake, t, id);
      Files.createDirectories(to.getParent());
      Files.move(dir.resolve(t), to, StandardCopyOption.ATOMIC_MOVE);
    }
    atomicWrite(LakeLayout.manifest(lake, id), new LakeBatch(id, source, runs, new LinkedHashSet<>(order)).text());
    LakeLayout.deleteTree(dir);
    batches++;
  }

  /** Takes a batch out of the lake: its manifest first, then its folders. */
  private void deleteBatch(LakeBatch b) throws IOException {
    Files.deleteIfExists(LakeLayout.manifest(lake, b.id()));
    deleteFolders(b.id());
  }

  private void deleteFolders(String batchId) throws IOException {
    for (Path t : LakeLayout.tableDirs(lake)) {
      LakeLayout.deleteTree(LakeLayout.batchDir(lake, t.getFileName().toString(), batchId));
    }
  }

  /** Deletes the per-run folders of the layout before batches; their runs are written again. */
  private void dropOldLayout() throws IOException {
    for (Path t : LakeLayout.tableDirs(lake)) {
      for (Path dir : LakeLayout.oldRunDirs(t)) {
        LakeLayout.deleteTree(dir);
      }
    }
    LakeLayout.deleteTree(LakeLayout.oldSources(lake));
  }

  private String nextId() {
    String id = LakeBatch.newId(source, lastId, Instant.now());
    lastId = Optional.of(id);
    return id;
  }

  /** True when the lake's schema files are those of the catalog's tables. */
  private boolean schemaUpToDate(List<LakeTable> tables) throws IOException {
    Path sig = signatureFile();
    return Files.exists(sig) && Files.readString(sig).equals(signature(tables))
        && tables.stream().allMatch(t -> Files.exists(LakeLayout.schemaFile(lake, t.name())));
  }

  /**
   * Writes what the batches share, while the workers stream raw rows: the schema files (when
   * the catalog's tables changed) and the lookup tables' files (the absent ones).
   */
  private void writeShared(LakeWriter writer, List<LakeTable> tables, boolean schemaChanged)
      throws SQLException, IOException {
    if (schemaChanged) {
      for (LakeTable t : tables) {
        Path tmp = LakeLayout.tmp(lake).resolve("schema-" + t.name() + ".parquet");
        writer.writeSchema(t, tmp);
        Files.createDirectories(LakeLayout.schemaFile(lake, t.name()).getParent());
        Files.move(tmp, LakeLayout.schemaFile(lake, t.name()), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      atomicWrite(signatureFile(), signature(tables));
    }
    for (LakeTable t : tables) {
      if (t.scope() == Scope.LOOKUP) {
        writer.writeLookup(t, lake, LakeLayout.tmp(lake));
      }
    }
  }

  private Path signatureFile() {
    return LakeLayout.schemaFile(lake, "x").resolveSibling("signature.txt");
  }

  /** The tables, their columns and types, and the layout version, one table per line. */
  private static String signature(List<LakeTable> tables) {
    StringBuilder sb = new StringBuilder("layout batches-1\n");
    for (LakeTable t : tables) {
      sb.append(t.name()).append(' ').append(t.scope()).append(':');
      t.columns().forEach(c -> sb.append(' ').append(c.name()).append('/').append(c.type()));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The catalog's runs, oldest first, with their raw rows. */
  private static Map<Long, Long> runRows(Connection c) throws SQLException {
    Map<Long, Long> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id, raw_rows FROM runs "
            + "ORDER BY created_at, run_id")) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  /**
   * A data dir's name in the lake: 16 hex digits of SHA-256 over the host name and the
   * catalog's absolute path, so runners exporting into one lake tell their batches apart.
   */
  static String sourceId(Path catalogFile) {
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

  private void atomicWrite(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = LakeLayout.tmp(lake).resolve(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
