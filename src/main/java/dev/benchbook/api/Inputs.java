package dev.benchbook.api;

import dev.benchbook.results.LoadedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The results files the facade read (loaded runs, their raw rows, the files a catalog query
 * answered from) while a recording is open: what a notebook run's outputs rest on, for its
 * provenance record.
 */
public final class Inputs {

  private static final List<Recording> OPEN = new CopyOnWriteArrayList<>();

  private Inputs() {
  }

  /** Starts recording the files read from now on, until the recording is closed. */
  public static Recording record() {
    Recording r = new Recording();
    OPEN.add(r);
    return r;
  }

  /** Notes a file as read by every open recording. */
  static void read(Path file) {
    if (!OPEN.isEmpty()) {
      Path abs = file.toAbsolutePath().normalize();
      OPEN.forEach(r -> r.files.add(abs));
    }
  }

  /** Notes a loaded run's JSON file and its raw-rows file, when that exists. */
  static void read(LoadedRun run) {
    if (!OPEN.isEmpty()) {
      read(run.path());
      run.rowsPath().filter(Files::isRegularFile).ifPresent(Inputs::read);
    }
  }

  /** The files read while it was open. */
  public static final class Recording implements AutoCloseable {

    private final Set<Path> files = ConcurrentHashMap.newKeySet();

    private Recording() {
    }

    /** The files read so far, absolute, sorted. */
    public Set<Path> files() {
      return new TreeSet<>(files);
    }

    /** Stops recording. */
    @Override
    public void close() {
      OPEN.remove(this);
    }
  }
}
