package dev.benchbook.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, each on a fresh thread, and keeps the value of the last one so a
 * cell's result can be displayed as an object (a chart, a table), not only as a string.
 * {@link #stop()} interrupts the snippet's thread and, if it does not end within a grace period,
 * stops it (honoured up to JDK 19, as the jshell tool's own local engine does). A stop that
 * comes while no snippet runs (e.g. during compilation) stops the next one, until
 * {@link #clearStop()} at the start of the next cell.
 */
class KeepingExecutionControl extends DirectExecutionControl {

  /** How long a stopped snippet may take to react to its interrupt before it is killed. */
  static final long GRACE_MS = 300;

  private final Object lock = new Object();
  private Thread running;
  private boolean stopRequested;
  private boolean stopPending;
  private volatile Object lastValue;

  /** Forgets a stop asked for during an earlier cell; called when a cell starts. */
  void clearStop() {
    synchronized (lock) {
      stopPending = false;
    }
  }

  /** The value returned by the last snippet that ran (null for statements and void). */
  Object lastValue() {
    return lastValue;
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    lastValue = null;
    AtomicReference<Object> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        value.set(doit.invoke(null));
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "benchbook-cell");
    thread.setDaemon(true);
    thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
    synchronized (lock) {
      if (stopPending) {
        throw new StoppedException();
      }
      stopRequested = false;
      running = thread;
    }
    thread.start();
    boolean stopped = await(thread);
    if (stopped) {
      throw new StoppedException();
    }
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    }
    if (t != null) {
      throw new InvocationTargetException(t);
    }
    lastValue = value.get();
    return shown(lastValue);
  }

  /** The text JShell shows for a snippet's value; the shell's display overrides it. */
  String shown(Object value) {
    return plain(value);
  }

  /** JShell's own text of a value: strings quoted, others by {@code toString()}. */
  static String plain(Object value) {
    return valueString(value);
  }

  private boolean await(Thread thread) throws InterruptedException {
    try {
      thread.join();
    } finally {
      synchronized (lock) {
        running = null;
      }
    }
    synchronized (lock) {
      return stopRequested;
    }
  }

  @Override
  public void stop() {
    Thread thread;
    synchronized (lock) {
      stopPending = true;
      thread = running;
      if (thread == null) {
        return;
      }
      stopRequested = true;
    }
    thread.interrupt();
    Thread killer = new Thread(() -> killAfterGrace(thread), "benchbook-cell-stop");
    killer.setDaemon(true);
    killer.start();
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void killAfterGrace(Thread thread) {
    try {
      thread.join(GRACE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (thread.isAlive()) {
      try {
        thread.stop();
      } catch (UnsupportedOperationException e) {
        // JDK 20+ cannot stop a thread: the interrupt is all there is.
        return;
      }
    }
  }
}
