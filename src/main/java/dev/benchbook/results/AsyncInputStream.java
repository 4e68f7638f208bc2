package dev.benchbook.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads another stream on a daemon thread, a few chunks ahead of the consumer, so that
 * decompressing and parsing run on two cores. Errors of the source surface from {@link #read}.
 */
final class AsyncInputStream extends InputStream {

  private static final int CHUNK_BYTES = 1 << 20;
  private static final int CHUNKS = 4;

  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final Thread thread;
  private Chunk current;
  private int offset;
  private boolean done;

  private record Chunk(byte[] data, int length, IOException error) {
  }

  AsyncInputStream(InputStream source) {
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK_BYTES]);
    }
    thread = new Thread(() -> pump(source), "benchbook-rows-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(InputStream source) {
    try {
      while (true) {
        byte[] data = free.take();
        int n = source.readNBytes(data, 0, data.length);
        filled.put(new Chunk(data, n, null));
        if (n < data.length) {
          return;
        }
      }
    } catch (IOException e) {
      filled.offer(new Chunk(null, 0, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensureChunk()) {
      return -1;
    }
    int n = Math.min(len, current.length - offset);
    System.arraycopy(current.data, offset, b, off, n);
    offset += n;
    return n;
  }

  /** Makes a chunk with unread bytes current; false at the end of the source. */
  private boolean ensureChunk() throws IOException {
    while (!done && (current == null || offset == current.length)) {
      if (current != null) {
        done = current.length < current.data.length;
        free.offer(current.data);
        current = null;
        if (done) {
          break;
        }
      }
      current = take();
      offset = 0;
      if (current.error != null) {
        done = true;
        throw current.error;
      }
    }
    return !done;
  }

  private Chunk take() throws IOException {
    try {
      return filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading raw rows");
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
