package dev.benchbook.cli;

import dev.benchbook.runtime.RunControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C handling: the shutdown hook cancels the run, then waits for the command to finish its
 * cleanup (temporary databases removed, nothing half-written) before the JVM exits.
 */
final class Interrupts implements AutoCloseable {

  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final Thread hook;

  private Interrupts(RunControl control) {
    this.hook = new Thread(() -> {
      control.cancel();
      try {
        cleanedUp.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "benchbook-ctrl-c");
  }

  /** Installs the hook for one command run. */
  static Interrupts install(RunControl control) {
    Interrupts i = new Interrupts(control);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  /** Signals that cleanup is done and removes the hook when the JVM is not shutting down. */
  @Override
  public void close() {
    cleanedUp.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that cleanup is done
    }
  }
}
