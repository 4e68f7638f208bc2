package dev.benchbook.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.benchbook.rows.RawRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes results files atomically into a data folder, never overwriting an existing file.
 *
 * <p>Names are {@code results-<yyyyMMdd-HHmmss>.json} ({@code results-mitigation-...} for
 * kind {@code mitigation}) in the clock's time zone, with the raw rows beside them as
 * {@code <same stem>.rows.csv.gz}. When a name is taken, the next second is tried (up to
 * {@value #MAX_SECONDS_AHEAD} seconds ahead), so a finished benchmark is never lost to a name
 * clash. Each file is written to a hidden temp file in the same folder, forced to disk, then
 * published under its final name with an operation that fails instead of replacing: the rows
 * file first, the JSON last (the JSON is the commit point). On any failure every temp file and
 * any already published rows file of this write are deleted.
 */
public final class ResultsWriter {

  /** How many seconds past the run's timestamp a free name is looked for. */
  public static final int MAX_SECONDS_AHEAD = 60;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final ObjectWriter JSON = Json.MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private final Path dataDir;
  private final Clock clock;
  private final Hook hook;

  /**
   * The files one write produced.
   *
   * @param json the results JSON file
   * @param rows the raw-rows file beside it, when the run had raw rows
   */
  public record Written(Path json, Optional<Path> rows) {

    /** Validates presence. */
    public Written {
      Objects.requireNonNull(json, "json");
      rows = rows == null ? Optional.empty() : rows;
    }
  }

  /** Suffix of the Java Flight Recorder file written beside a results file. */
  public static final String JFR_SUFFIX = ".jfr";

  /** Test seam: called between steps; throwing simulates a failure at that step. */
  interface Hook {
    void at(String step) throws IOException;
  }

  /** A writer into {@code dataDir} using the system clock and time zone for names. */
  public ResultsWriter(Path dataDir) {
    this(dataDir, Clock.systemDefaultZone());
  }

  /** A writer into {@code dataDir} whose file names come from {@code clock}. */
  public ResultsWriter(Path dataDir, Clock clock) {
    this(dataDir, clock, step -> { });
  }

  ResultsWriter(Path dataDir, Clock clock, Hook hook) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Fails with one clear line when results cannot be written into the data folder: creates it
   * when missing, then creates and removes a probe file there. Call before measuring, so that a
   * long run never ends in a write error.
   */
  public void checkWritable() throws IOException {
    checkWritable(dataDir, "data folder");
  }

  /**
   * The same check for any output folder, named {@code what} in the message (e.g. "reports
   * folder").
   */
  public static void checkWritable(Path dataDir, String what) throws IOException {
    Path probe;
    try {
      Files.createDirectories(dataDir);
      probe = Files.createTempFile(dataDir, ".benchbook-write-check-", ".tmp");
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IOException(what + " " + dataDir + ": cannot write there: " + e.getFile()
          + " exists and is not a folder");
    } catch (IOException | SecurityException e) {
      throw new IOException(what + " " + dataDir + ": cannot write there ("
          + e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage()
          + ")");
    }
    Files.deleteIfExists(probe);
  }

  /**
   * Compressed raw-rows bytes per row allowed for by {@link #expectedBytes}: the committed runs
   * take 24-32 B a row; retried attempts add rows a plan does not count, hence the room.
   */
  public static final int ROW_BYTES = 64;
  /** Results JSON bytes per config allowed for (about 10 KB measured), with room. */
  public static final int CONFIG_JSON_BYTES = 32 * 1024;
  /** The folder under the temp dir where results that could not be written are kept. */
  public static final String KEPT_FOLDER = "benchbook-kept-results";

  /** The bytes a run writes into its data folder: its raw rows and its JSON, with room. */
  public static long expectedBytes(long rows, int configs) {
    return rows * ROW_BYTES + (long) (configs + 1) * CONFIG_JSON_BYTES;
  }

  /**
   * Fails with one line before measuring when the file system of {@code dir} has less usable
   * space than {@code expectedBytes}: a full disk found after measuring would cost the run.
   */
  public static void checkSpace(Path dir, long expectedBytes, long rows, String what)
      throws IOException {
    checkSpace(dir, expectedBytes, rows, what, Files.getFileStore(dir).getUsableSpace());
  }

  static void checkSpace(Path dir, long expectedBytes, long rows, String what, long usable)
      throws IOException {
    if (usable < expectedBytes) {
      throw new IOException(String.format(Locale.ROOT, "%s %s: %s free, this run writes about "
          + "%s (%,d raw rows); free some space or choose another --data-dir (nothing was "
          + "measured)", what, dir, bytes(usable), bytes(expectedBytes), rows));
    }
  }

  private static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
    }
    if (n >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%d KB", Math.max(1, (n + 1023) / 1024));
  }

  /**
   * Where a write went: into the data folder, or, when that failed, into a fallback folder.
   *
   * @param written the files written
   * @param failure why the data folder did not take them, when it did not
   */
  public record Outcome(Written written, Optional<String> failure) {

    /** True when the files are in a fallback folder, not the data folder. */
    public boolean kept() {
      return failure.isPresent();
    }
  }

  /**
   * Writes as {@link #write(RunFile, Optional, Optional)} does; when the data folder does not
   * take the files (a full disk, a folder removed while measuring), writes them into the first
   * of {@code fallbacks} that does, so a measurement is never lost. A recording that was not
   * published is not kept. Fails only when no folder took them.
   */
  public Outcome writeOrKeep(RunFile run, Optional<RawRows> rows, Optional<Path> recording,
      List<Path> fallbacks) throws IOException {
    try {
      return new Outcome(write(run, rows, recording), Optional.empty());
    } catch (IOException first) {
      String why = reason(first);
      List<String> tried = new ArrayList<>();
      for (Path fallback : fallbacks) {
        try {
          Written kept = new ResultsWriter(fallback, clock).write(run, rows, Optional.empty());
          return new Outcome(kept, Optional.of(why));
        } catch (IOException again) {
          tried.add(fallback + " (" + reason(again) + ")");
        }
      }
      throw new IOException("cannot write the results into " + dataDir + " (" + why + ") nor "
          + "into " + String.join(", ", tried) + "; the measurement is lost", first);
    }
  }

  /**
   * Writes into the data folder, or keeps the files in a {@linkplain #fallbacks fallback folder}
   * and then fails with one line saying where they are: the measurement is never discarded,
   * and a caller never takes kept files for written ones.
   */
  public Written writeOrFailKeeping(RunFile run, Optional<RawRows> rows,
      Optional<Path> recording) throws IOException {
    Outcome outcome = writeOrKeep(run, rows, recording, fallbacks());
    Written written = outcome.written();
    if (outcome.kept()) {
      throw new IOException("cannot write the results into the data folder " + dataDir + " ("
          + outcome.failure().get() + "); they are kept at " + written.json()
          + written.rows().map(r -> " and " + r.getFileName()).orElse("")
          + ": move them into your data folder");
    }
    return written;
  }

  /** The fallback folders: {@value #KEPT_FOLDER} under the temp dir, then the user's cache. */
  public static List<Path> fallbacks() {
    return List.of(Path.of(System.getProperty("java.io.tmpdir"), KEPT_FOLDER),
        Path.of(System.getProperty("user.home"), ".cache", "benchbook", "kept-results"));
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      m = fs.getReason();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Writes a results file without raw rows. */
  public Written write(RunFile run) throws IOException {
    return write(run, Optional.empty());
  }

  /** Writes the raw rows, then the results file naming them in {@code rows_file}. */
  public Written write(RunFile run, RawRows rows) throws IOException {
    return write(run, Optional.of(rows));
  }

  /** Writes a results file and, when present, its raw rows. */
  public Written write(RunFile run, Optional<RawRows> rows) throws IOException {
    return publish(copy(run, Optional.empty(), run.complete()), rows, Optional.empty());
  }

  /**
   * Writes the raw rows, moves {@code recording} (a file in the data folder) beside them as
   * {@code <stem>.jfr}, then writes the results file naming both; on failure the recording is
   * deleted with the rest.
   */
  public Written write(RunFile run, Optional<RawRows> rows, Optional<Path> recording)
      throws IOException {
    return publish(copy(run, Optional.empty(), run.complete()), rows, recording);
  }

  /** Writes what an interrupted run measured, marked {@code "complete": false}. */
  public Written writeIncomplete(RunFile run, Optional<RawRows> rows) throws IOException {
    return publish(copy(run, Optional.empty(), false), rows, Optional.empty());
  }

  /** The exact bytes written for a results file: pretty JSON, LF line ends, final newline. */
  public static byte[] toJsonBytes(RunFile run) {
    try {
      String text = JSON.writeValueAsString(run) + "\n";
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write results as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** The file stem for a kind and time, e.g. {@code results-mitigation-20260222-114707}. */
  public static String stem(String kind, LocalDateTime time) {
    String prefix = "mitigation".equals(kind) ? "results-mitigation-" : "results-";
    return prefix + STAMP.format(time);
  }

  private Written publish(RunFile run, Optional<RawRows> rows, Optional<Path> recording)
      throws IOException {
    toJsonBytes(run);
    Files.createDirectories(dataDir);
    LocalDateTime start = LocalDateTime.now(clock).withNano(0);
    Path jfrAt = recording.orElse(null);
    Path rowsAt = null;
    Path jsonTemp = null;
    boolean committed = false;
    try {
      if (rows.isPresent()) {
        rowsAt = tempFile();
        writeSynced(rowsAt, out -> RowsCsv.writeTo(rows.get(), out));
        hook.at("rows-temp-written");
      }
      for (int ahead = 0; ahead <= MAX_SECONDS_AHEAD; ahead++) {
        String stem = stem(run.kind(), start.plusSeconds(ahead));
        Path json = dataDir.resolve(stem + ".json");
        Path rowsTarget = dataDir.resolve(stem + RowsCsv.SUFFIX);
        Path jfrTarget = dataDir.resolve(stem + JFR_SUFFIX);
        if (exists(json) || rows.isPresent() && exists(rowsTarget)
            || jfrAt != null && exists(jfrTarget)) {
          continue;
        }
        if (rowsAt != null) {
          if (!moveNoReplace(rowsAt, rowsTarget)) {
            continue;
          }
          rowsAt = rowsTarget;
          hook.at("rows-published");
        }
        if (jfrAt != null && !jfrAt.equals(jfrTarget)) {
          if (!moveNoReplace(jfrAt, jfrTarget)) {
            continue;
          }
          jfrAt = jfrTarget;
        }
        Optional<String> rowsName = rows.map(r -> stem + RowsCsv.SUFFIX);
        RunFile named = recording.isPresent()
            ? run.withProfiles(Optional.of(stem + JFR_SUFFIX), run.profiles()) : run;
        byte[] bytes = toJsonBytes(copy(named, rowsName, run.complete()));
        jsonTemp = tempFile();
        writeSynced(jsonTemp, out -> out.write(bytes));
        hook.at("json-temp-written");
        if (moveNoReplace(jsonTemp, json)) {
          jsonTemp = null;
          committed = true;
          syncDirectory();
          return new Written(json, rows.isPresent() ? Optional.of(rowsTarget) : Optional.empty());
        }
        Files.deleteIfExists(jsonTemp);
        jsonTemp = null;
      }
      throw new FileAlreadyExistsException(dataDir.resolve(stem(run.kind(), start) + ".json")
          .toString(), null, "this name and the next " + MAX_SECONDS_AHEAD
          + " seconds' names are all taken; not overwriting");
    } finally {
      if (!committed) {
        deleteQuietly(jsonTemp);
        deleteQuietly(rowsAt);
        deleteQuietly(jfrAt);
      }
    }
  }

  /** A stream writer step that may fail with an I/O error. */
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private Path tempFile() throws IOException {
    return AtomicFiles.tempFile(dataDir, ".results-");
  }

  private static void writeSynced(Path file, Body body) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      body.writeTo(out);
      out.flush();
      ch.force(true);
    }
  }

  /**
   * Moves {@code from} to {@code to} unless {@code to} exists; false when it exists. Uses a
   * hard link (atomic, never replaces) and falls back to an existence check plus ATOMIC_MOVE on
   * file systems without hard links.
   */
  private static boolean moveNoReplace(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (exists(to)) {
        return false;
      }
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
    Files.delete(from);
    return true;
  }

  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UncheckedIOException e) {
      // Some platforms cannot open or force a directory; the files themselves are forced.
      return;
    }
  }

  private static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort while already failing; the original failure is the one reported.
      return;
    }
  }

  private static RunFile copy(RunFile r, Optional<String> rowsFile, boolean complete) {
    return new RunFile(r.schemaVersion(), r.kind(), r.reconstructed(), r.manifest(),
        r.ceilingTxPerS(), r.configs(), r.baseline(), r.mitigationRun(), r.mitigationRuns(),
        r.comparison(), r.comparisons(), r.sweep(), rowsFile, complete, r.jfrFile(),
        r.profiles());
  }
}
