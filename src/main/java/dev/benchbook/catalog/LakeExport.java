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
  private RowsFileWriter fromFiles;

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
      try {
        return update(c, writer, LakeSchema.read(c));
      } finally {
        if (fromFiles != null) {
          fromFiles.close();
        }
      }
    }
  }

  private int[] update(Connection c, LakeWriter writer, List<LakeTable> tables)
      throws SQLException, IOException {
    boolean schemaChanged = schema(tables, writer);
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
    for (List<Long> chunk : chunks(toWrite, catalogRuns)) {
      writeNewBatch(c, writer, tables, chunk, catalogRuns);
    }
    tidy(LakeState.read(lake), catalogRuns.keySet(), writer, tables);
    compact(LakeState.read(lake), writer, tables);
    for (String id : LakeState.read(lake).uncommitted()) {
      if (LakeBatch.madeBy(id, source)) {
        deleteFolders(id);
      }
    }
    for (LakeTable t : tables) {
      if (t.scope() == Scope.LOOKUP) {
        writer.writeLookup(t, lake, LakeLayout.tmp(lake));
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

  /** Runs in chunks within the limits' raw rows and runs. */
  private List<List<Long>> chunks(List<Long> runs, Map<Long, Long> rawRows) {
    List<List<Long>> out = new ArrayList<>();
    List<Long> chunk = new ArrayList<>();
    long n = 0;
    for (long id : runs) {
      long r = rawRows.getOrDefault(id, 0L);
      if (!chunk.isEmpty() && (n + r > limits.batchRows()
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

  /** Writes the catalog's runs {@code chunk} as a new batch. */
  private void writeNewBatch(Connection c, LakeWriter writer, List<LakeTable> tables,
      List<Long> chunk, Map<Long, Long> catalogRows) throws SQLException, IOException {
    String id = nextId();
    Path dir = LakeLayout.tmp(lake).resolve(id);
    List<String> written = new ArrayList<>();
    for (LakeTable t : tables) {
      if (t.scope() != Scope.RUN) {
        continue;
      }
      Path file = dir.resolve(t.name()).resolve(LakeLayout.PART);
      long n = t.name().equals("rows") ? writeRows(c, writer, t, chunk, file)
          : writer.writeTable(t, chunk, file);
      if (n > 0) {
        written.add(t.name());
      }
    }
    Map<Long, Long> runs = new LinkedHashMap<>();
    chunk.forEach(run -> runs.put(run, catalogRows.getOrDefault(run, 0L)));
    commit(id, dir, written, runs);
    chunk.forEach(run -> progress.fileDone(Long.toString(run)));
  }

  /**
   * Stages the chunk's raw rows (from the rows files where it can, the other runs from the
   * catalog) and writes them as one file sorted by run; returns the rows written.
   */
  private long writeRows(Connection c, LakeWriter writer, LakeTable t, List<Long> chunk,
      Path file) throws SQLException, IOException {
    writer.createRowsStage(t);
    RowsFileWriter files = fromFiles(c, t, writer);
    Map<Long, Long> done = files == null ? Map.of() : files.stage(chunk, LakeWriter.ROWS_STAGE);
    runsFromFiles += done.size();
    List<Long> rest = chunk.stream().filter(id -> !done.containsKey(id)).toList();
    long staged = done.values().stream().mapToLong(Long::longValue).sum()
        + writer.appendFromCatalog(t, rest, LakeWriter.ROWS_STAGE);
    if (staged == 0) {
      return 0;
    }
    long n = writer.writeStage(t, LakeWriter.ROWS_STAGE, file);
    rows += n;
    return n;
  }

  /** The rows-file writer, made on first use; null without a data dir. */
  private RowsFileWriter fromFiles(Connection c, LakeTable rowsTable, LakeWriter writer)
      throws SQLException {
    if (fromFiles == null && dataDir.isPresent()) {
      fromFiles = new RowsFileWriter(c, dataDir.get(), rowsTable, writer.duck());
    }
    return fromFiles;
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
