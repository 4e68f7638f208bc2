package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares files in order on a helper thread, at most a fixed number ahead of the one its
 * consumer takes, so memory stays bounded however many files there are. The first files start
 * as soon as it is made.
 *
 * @param <T> what preparing a file gives
 */
final class ReadAhead<T> implements AutoCloseable {

  /** Prepares one file (on the helper thread). */
  interface Task<T> {
    /** What the file gives; an {@link IOException} reaches the consumer of that file. */
    T prepare(Path file) throws IOException;
  }

  private final List<Path> files;
  private final int ahead;
  private final Task<T> task;
  private final List<Future<T>> started = new ArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "benchbook-catalog-reader");
    t.setDaemon(true);
    return t;
  });

  ReadAhead(List<Path> files, int ahead, Task<T> task) {
    this.files = List.copyOf(files);
    this.ahead = ahead;
    this.task = task;
    startUpTo(0);
  }

  /** The files, in the order they are prepared. */
  List<Path> files() {
    return files;
  }

  /** File {@code i} prepared, waiting for it when needed; starts the files after it. */
  T take(int i) throws IOException {
    startUpTo(i);
    T prepared = await(started.get(i));
    started.set(i, null);
    return prepared;
  }

  private void startUpTo(int i) {
    while (started.size() < files.size() && started.size() <= i + ahead) {
      Path file = files.get(started.size());
      started.add(thread.submit(() -> task.prepare(file)));
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading results files", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Stops the helper thread (a file being prepared is interrupted). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
