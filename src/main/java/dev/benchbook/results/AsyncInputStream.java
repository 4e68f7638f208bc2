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

  /** Largest chunk: a big file is read 1 MiB at a time. */
  static final int MAX_CHUNK_BYTES = 1 << 20;
  private static final int MIN_CHUNK_BYTES = 1 << 16;
  private static final int CHUNKS = 4;

  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final Thread thread;
  private Chunk current;
  private int offset;
  private boolean done;

  private record Chunk(byte[] data, int length, IOException error) {
  }

  private final int chunkBytes;
  private int chunksMade;

  /**
   * Starts reading {@code source} ahead, in chunks sized for {@code expectedBytes} (0 when
   * unknown: the largest chunks). Chunks are allocated only when the reader needs another, so a
   * small file costs about its own size, not four full chunks.
   */
  AsyncInputStream(InputStream source, long expectedBytes) {
    this.chunkBytes = chunkBytes(expectedBytes);
    thread = new Thread(() -> pump(source), "benchbook-rows-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(InputStream source) {
    try {
      while (true) {
        byte[] data = nextFree();
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

  /** A free chunk: a returned one, a new one while fewer than {@value #CHUNKS} exist, or waits. */
  private byte[] nextFree() throws InterruptedException {
    byte[] data = free.poll();
    if (data != null) {
      return data;
    }
    if (chunksMade < CHUNKS) {
      chunksMade++;
      return new byte[chunkBytes];
    }
    return free.take();
  }

  /** Half the expected size (two chunks hold the file), within [64 KiB, 1 MiB]. */
  static int chunkBytes(long expectedBytes) {
    if (expectedBytes <= 0) {
      return MAX_CHUNK_BYTES;
    }
    return (int) Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, expectedBytes / 2 + 1));
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
