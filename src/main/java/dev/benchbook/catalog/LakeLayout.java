package dev.benchbook.catalog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are in a lake folder:
 *
 * <pre>
 * LAKE/&lt;table&gt;/batch=&lt;id&gt;/part-0.parquet   the rows of a batch's runs in a per-run table
 * LAKE/&lt;table&gt;/part-&lt;code&gt;.parquet          one row of a lookup table (states, outcomes)
 * LAKE/_benchbook/batches/&lt;id&gt;.batch        a batch's manifest: its source and its runs
 * LAKE/_benchbook/schema/&lt;table&gt;.parquet     an empty file with the table's columns
 * LAKE/_benchbook/tmp/                         batches being written (never read)
 * LAKE/_benchbook/lock                         held while a lake is written
 * </pre>
 *
 * A batch is in the lake once its manifest is: it is written after the batch's folders are
 * renamed into place. Readers (DuckDB, Spark, pyarrow) skip folders starting with {@code _}.
 */
final class LakeLayout {

  static final String PART = "part-0.parquet";
  static final String META = "_benchbook";
  static final String BATCH_PREFIX = "batch=";
  private static final String MANIFEST_SUFFIX = ".batch";
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private LakeLayout() {
  }

  /** The folder of a batch in a table. */
  static Path batchDir(Path lake, String table, String batchId) {
    return lake.resolve(table).resolve(BATCH_PREFIX + batchId);
  }

  /** The manifest of a batch. */
  static Path manifest(Path lake, String batchId) {
    return manifests(lake).resolve(batchId + MANIFEST_SUFFIX);
  }

  /** The folder of the batch manifests. */
  static Path manifests(Path lake) {
    return lake.resolve(META).resolve("batches");
  }

  /** The batch id of a manifest file, or empty when the file is not one. */
  static Optional<String> manifestId(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(MANIFEST_SUFFIX) && !n.startsWith(".")
        ? Optional.of(n.substring(0, n.length() - MANIFEST_SUFFIX.length())) : Optional.empty();
  }

  /** The file of one lookup-table row. */
  static Path lookupFile(Path lake, String table, long code) {
    return lake.resolve(table).resolve("part-" + code + ".parquet");
  }

  static Path schemaFile(Path lake, String table) {
    return lake.resolve(META).resolve("schema").resolve(table + ".parquet");
  }

  static Path tmp(Path lake) {
    return lake.resolve(META).resolve("tmp");
  }

  /** Where the lakes before batches listed the runs each data dir exported. */
  static Path oldSources(Path lake) {
    return lake.resolve(META).resolve("sources");
  }

  static Path lock(Path lake) {
    return lake.resolve(META).resolve("lock");
  }

  /** The batch id of a {@code batch=<id>} folder. */
  static Optional<String> batchIdOf(Path folder) {
    String n = folder.getFileName().toString();
    return n.startsWith(BATCH_PREFIX) && n.length() > BATCH_PREFIX.length()
        ? Optional.of(n.substring(BATCH_PREFIX.length())) : Optional.empty();
  }

  /** The {@code batch=<id>} folders of a table folder, sorted. */
  static List<Path> batchDirs(Path tableDir) throws IOException {
    if (!Files.isDirectory(tableDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(tableDir)) {
      return s.filter(Files::isDirectory).filter(p -> batchIdOf(p).isPresent()).sorted().toList();
    }
  }

  /**
   * The folders of the per-run layout before batches ({@code run_id=<id>}) in a table folder:
   * the next export deletes them and writes those runs again in batches.
   */
  static List<Path> oldRunDirs(Path tableDir) throws IOException {
    if (!Files.isDirectory(tableDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(tableDir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith("run_id=")).sorted().toList();
    }
  }

  /** The table folders of a lake (every folder not starting with _ or .). */
  static List<Path> tableDirs(Path lake) throws IOException {
    if (!Files.isDirectory(lake)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(lake)) {
      return s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
    }
  }

  static boolean hidden(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("_") || n.startsWith(".");
  }

  /**
   * Why a file is not a Parquet file, or empty when it looks like one: at least 12 bytes,
   * {@code PAR1} at both ends and a footer length that fits. A truncated file fails here.
   */
  static Optional<String> notParquet(Path file) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      if (size < 12) {
        return Optional.of("not Parquet: " + size + " bytes");
      }
      byte[] head = new byte[4];
      f.readFully(head);
      byte[] tail = new byte[8];
      f.seek(size - 8);
      f.readFully(tail);
      long footer = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16
          | (tail[3] & 0xFFL) << 24;
      if (!java.util.Arrays.equals(head, MAGIC)) {
        return Optional.of("not Parquet: no PAR1 at the start");
      }
      if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        return Optional.of("not Parquet or truncated: no PAR1 at the end");
      }
      return footer > size - 12 ? Optional.of("truncated: footer of " + footer
          + " bytes in a file of " + size) : Optional.empty();
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
  }

  /** The Parquet files of a folder (a batch's), sorted. */
  static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** Every Parquet file under a folder, sorted (none when it is absent). */
  static List<Path> allParquetFiles(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().forEach(out::add);
    }
    return out;
  }

  /** Deletes a file or a folder with everything in it (nothing when it is absent). */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
