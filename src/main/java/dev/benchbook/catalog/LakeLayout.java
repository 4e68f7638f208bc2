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
 * LAKE/&lt;table&gt;/run_id=&lt;id&gt;/part-0.parquet   a run's rows of a per-run table
 * LAKE/&lt;table&gt;/part-&lt;code&gt;.parquet          one row of a lookup table (states, outcomes)
 * LAKE/_benchbook/schema/&lt;table&gt;.parquet     an empty file with the table's columns
 * LAKE/_benchbook/sources/&lt;id&gt;.runs          the run ids one data dir exported
 * LAKE/_benchbook/tmp/                         partitions being written (never read)
 * LAKE/_benchbook/lock                         held while a lake is written
 * </pre>
 *
 * A run is in the lake when its {@code runs} partition is: it is renamed into place last.
 * Readers (DuckDB, Spark, pyarrow) skip folders starting with {@code _}.
 */
final class LakeLayout {

  static final String PART = "part-0.parquet";
  static final String META = "_benchbook";
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private LakeLayout() {
  }

  /** The partition folder of a run in a table. */
  static Path partition(Path lake, String table, long runId) {
    return lake.resolve(table).resolve("run_id=" + runId);
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

  static Path sources(Path lake) {
    return lake.resolve(META).resolve("sources");
  }

  static Path lock(Path lake) {
    return lake.resolve(META).resolve("lock");
  }

  /** The run ids whose {@code runs} partition is in place. */
  static List<Long> runsPresent(Path lake) throws IOException {
    return partitionIds(lake.resolve("runs"));
  }

  /** The run ids of a table's partition folders. */
  static List<Long> partitionIds(Path tableDir) throws IOException {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(tableDir)) {
      return ids;
    }
    try (Stream<Path> s = Files.list(tableDir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        runIdOf(p).ifPresent(ids::add);
      }
    }
    return ids;
  }

  /** The run id of a {@code run_id=<id>} folder. */
  static Optional<Long> runIdOf(Path partition) {
    String n = partition.getFileName().toString();
    if (!n.startsWith("run_id=")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(n.substring("run_id=".length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
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

  /** The Parquet files of a folder (a partition), sorted. */
  static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
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
