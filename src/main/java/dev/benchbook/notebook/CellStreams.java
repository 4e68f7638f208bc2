package dev.benchbook.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Routes {@code System.out} and {@code System.err} of the whole process to the running cell's
 * listener: code in a cell runs in this JVM, so its prints (and those of threads it starts) go
 * through the process streams. Between cells, text goes to the original streams. {@code System.in}
 * reads from the running cell's front end ({@link CellInput}).
 */
final class CellStreams {

  private static final Object LOCK = new Object();
  private static PrintStream originalOut;
  private static PrintStream originalErr;
  private static Router out;
  private static Router err;
  private static volatile CellListener current;
  /** True while this thread is inside a listener: what it prints goes to the original stream. */
  private static final ThreadLocal<Boolean> IN_LISTENER = ThreadLocal.withInitial(() -> false);

  private CellStreams() {
  }

  /** Replaces System.out/err by the routers (once per process). */
  static void install() {
    synchronized (LOCK) {
      if (out != null) {
        return;
      }
      originalOut = System.out;
      originalErr = System.err;
      out = new Router(originalOut, CellListener::stdout);
      err = new Router(originalErr, CellListener::stderr);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new CellInput(System.in));
    }
  }

  /** The stream that was System.out before {@link #install()} (for the host's own output). */
  static PrintStream originalOut() {
    install();
    return originalOut;
  }

  /** The stream that was System.err before {@link #install()}. */
  static PrintStream originalErr() {
    install();
    return originalErr;
  }

  /** Sends what the process prints to {@code listener} until {@link #end()}. */
  static void begin(CellListener listener) {
    install();
    current = listener;
  }

  /** Flushes pending text to the cell and routes to the original streams again. */
  static void end() {
    flush();
    current = null;
  }

  /** Sends text printed so far (also a partial line) to the cell, keeping the order. */
  static void flush() {
    System.out.flush();
    System.err.flush();
    if (out != null) {
      out.drain();
      err.drain();
    }
  }

  /** The running cell's listener, or null between cells. */
  static CellListener current() {
    return current;
  }

  /** Buffers bytes and hands whole lines (and, on drain, the rest) to the current cell. */
  private static final class Router extends OutputStream {

    private final PrintStream fallback;
    private final BiConsumer<CellListener, String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Router(PrintStream fallback, BiConsumer<CellListener, String> sink) {
      this.fallback = fallback;
      this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (current == null || IN_LISTENER.get()) {
        drain();
        fallback.write(b, off, len);
        return;
      }
      pending.write(b, off, len);
      if (len > 0 && b[off + len - 1] == '\n') {
        drain();
      }
    }

    @Override
    public synchronized void flush() {
      if (current == null) {
        fallback.flush();
      }
    }

    /** Sends the pending bytes to the current cell, or to the fallback stream between cells. */
    synchronized void drain() {
      if (pending.size() == 0) {
        return;
      }
      CellListener listener = current;
      if (listener == null) {
        fallback.write(pending.toByteArray(), 0, pending.size());
        fallback.flush();
      } else {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        IN_LISTENER.set(true);
        try {
          sink.accept(listener, text);
        } finally {
          IN_LISTENER.set(false);
        }
        return;
      }
      pending.reset();
    }
  }
}
