package dev.benchbook.kernel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A running cell's printed text, sent to the front end in batches rather than line by line (as
 * ipykernel does): text waits at most {@link #INTERVAL_MS} after its first character, or until
 * {@link #MAX_CHARS} have gathered, and any other output (a display, the result, an error, the
 * end of the cell) or a switch between stdout and stderr sends what waits first, so the order of
 * everything the cell produced is kept. One message per line would flood the front end: Jupyter
 * drops iopub messages over its rate limit (output lost) and stays busy while it catches up.
 */
final class StreamBatcher {

  /** Longest wait of printed text before it is sent, in milliseconds (ipykernel's 0.2 s). */
  static final long INTERVAL_MS = 200;
  /** Most characters one stream message carries before it is sent at once. */
  static final int MAX_CHARS = 256 * 1024;

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kernel-stream-batches");
        t.setDaemon(true);
        return t;
      });

  private final BiConsumer<String, String> send;
  private final long intervalMs;
  private final StringBuilder text = new StringBuilder();
  private String stream;
  private ScheduledFuture<?> due;

  /** Batches for {@code send(streamName, text)} with ipykernel's interval. */
  StreamBatcher(BiConsumer<String, String> send) {
    this(send, INTERVAL_MS);
  }

  /** Batches for {@code send(streamName, text)}, each sent at most {@code intervalMs} late. */
  StreamBatcher(BiConsumer<String, String> send, long intervalMs) {
    this.send = send;
    this.intervalMs = intervalMs;
  }

  /** Adds text printed on {@code streamName} ({@code stdout} or {@code stderr}). */
  synchronized void append(String streamName, String printed) {
    if (printed.isEmpty()) {
      return;
    }
    if (stream != null && !stream.equals(streamName)) {
      flush();
    }
    stream = streamName;
    text.append(printed);
    if (text.length() >= MAX_CHARS) {
      flush();
    } else if (due == null) {
      due = TIMER.schedule(this::flush, intervalMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the text waiting now, if any, as one message. */
  synchronized void flush() {
    if (due != null) {
      due.cancel(false);
      due = null;
    }
    if (text.length() == 0) {
      return;
    }
    String batch = text.toString();
    text.setLength(0);
    send.accept(stream, batch);
    stream = null;
  }
}
