package dev.benchbook.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.benchbook.runtime.RawRows;
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
