package dev.benchbook.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies an import's committed WAL frames into the catalog file on a thread of its own, while
 * the importing thread writes the next files: a {@code PRAGMA wal_checkpoint(PASSIVE)} on a
 * second connection after a commit, when none is running. A passive checkpoint never blocks
 * the writer and copies only committed frames; once it has copied them all, the writer's next
 * transaction starts the WAL over from its beginning. Without it the whole import's WAL (twice
 * the catalog's size for 1M raw rows) was copied at the end, on the importing thread, in a
 * third to a half of a second (docs/PERFORMANCE.md, Step 17). A checkpoint that fails (a busy
 * or closed file) is left to the next one and to the importer's own final checkpoint.
 */
final class Checkpointer implements AutoCloseable {

  private final Path dbFile;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "benchbook-catalog-checkpoint");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean pending = new AtomicBoolean();
  private Connection connection;
  private int checkpoints;

  Checkpointer(Path dbFile) {
    this.dbFile = dbFile;
  }

  /** Asks for a checkpoint of what is committed so far, unless one is already waiting to run. */
  void afterCommit() {
    if (pending.compareAndSet(false, true)) {
      thread.execute(this::checkpoint);
    }
  }

  private void checkpoint() {
    pending.set(false);
    try {
      if (connection == null) {
        connection = CatalogDb.openCheckpointer(dbFile);
      }
      CatalogDb.exec(connection, "PRAGMA wal_checkpoint(PASSIVE)");
      checkpoints++;
    } catch (SQLException e) {
      // busy or gone: the next checkpoint, or the importer's final one, copies these frames
      return;
    }
  }

  /** Checkpoints completed so far, after any already asked for have run. */
  int checkpoints() throws InterruptedException {
    try {
      return thread.submit(() -> checkpoints).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for a running checkpoint to end, then closes the connection. */
  @Override
  public void close() {
    thread.execute(() -> {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // closing a connection that only checkpointed: nothing of it to keep
        }
        connection = null;
      }
    });
    thread.shutdown();
    try {
      thread.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
