package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One batch of a lake: the runs one export (or one compaction) wrote together, one Parquet file
 * per table. Its manifest ({@code _benchbook/batches/<id>.batch}) names the data dir that wrote
 * it and lists its runs with their raw rows; the batch is in the lake once the manifest is.
 *
 * @param id the batch id: UTC time to the millisecond, then the writer's source id and a random
 *     suffix, so ids are unique across runners and one writer's ids sort in the order written
 * @param source the writing data dir's source id (16 hex digits of host and catalog path)
 * @param runs its run ids, in order, with their raw rows
 * @param tables the tables it has a file in (a table with no rows for its runs has none)
 */
record LakeBatch(String id, String source, Map<Long, Long> runs, Set<String> tables) {

  private static final String HEADER = "# benchbook lake batch: its source, the tables it has a "
      + "file in, one line per run (run id, raw rows); docs/CATALOG.md";
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int TIME_CHARS = 19;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Copies the map and the set, keeping their order. */
  LakeBatch {
    runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    tables = Collections.unmodifiableSet(new LinkedHashSet<>(tables));
  }

  /** Raw rows of all its runs. */
  long rows() {
    return runs.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A new batch id for {@code source} that sorts after {@code after} (the newest id the lake
   * holds, empty in a new lake) even when the clock is behind it.
   */
  static String newId(String source, Optional<String> after, Instant now) {
    Instant t = now;
    if (after.isPresent()) {
      Optional<Instant> last = time(after.get());
      if (last.isPresent() && !t.isAfter(last.get())) {
        t = last.get().plusMillis(1);
      }
    }
    return TIME.format(t) + "-" + source.substring(0, Math.min(8, source.length())) + "-"
        + String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
  }

  /** True when a batch id was made by {@code source} (its second field). */
  static boolean madeBy(String batchId, String source) {
    String[] f = batchId.split("-");
    return f.length == 3 && source.startsWith(f[1]) && !f[1].isEmpty();
  }

  private static Optional<Instant> time(String id) {
    if (id.length() < TIME_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(TIME.parse(id.substring(0, TIME_CHARS))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The manifest's text. */
  String text() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("source ").append(source).append('\n');
    tables.forEach(t -> sb.append("table ").append(t).append('\n'));
    runs.forEach((run, rows) -> sb.append("run ").append(run).append(' ').append(rows)
        .append('\n'));
    return sb.toString();
  }

  /** Reads a manifest; empty when it is not one (a half-copied or foreign file). */
  static Optional<LakeBatch> read(String id, Path file) throws IOException {
    String source = null;
    Map<Long, Long> runs = new LinkedHashMap<>();
    Set<String> tables = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split(" ");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        if (f.length == 2 && f[0].equals("source")) {
          source = f[1];
        } else if (f.length == 2 && f[0].equals("table")) {
          tables.add(f[1]);
        } else if (f.length == 3 && f[0].equals("run")) {
          runs.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
        } else {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return source == null ? Optional.empty() : Optional.of(new LakeBatch(id, source, runs, tables));
  }
}
