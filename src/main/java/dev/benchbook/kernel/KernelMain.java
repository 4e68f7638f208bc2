package dev.benchbook.kernel;

import dev.benchbook.notebook.Evaluator;
import dev.benchbook.notebook.EvaluatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process Jupyter starts ({@code kernel.json} runs it with the connection file): binds
 * the sockets at once so Jupyter sees the kernel ready, starts the Java session meanwhile, and
 * serves requests until a shutdown request or the end of the Jupyter process that started it.
 */
public final class KernelMain {

  private KernelMain() {
  }

  /** Runs a kernel for the connection file {@code args[0]}; exits 0 after shutdown. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    silenceLogging();
    if (args.length != 1) {
      fail("expected one argument, the connection file Jupyter writes "
          + "(install the kernel with 'benchbook kernel install')");
    }
    try {
      KernelConnectionProperties props = KernelConnectionProperties.parse(
          Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
      serve(props);
    } catch (IOException e) {
      fail(args[0] + ": cannot read the connection file: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      fail(args[0] + ": unusable signature scheme or key: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(0);
  }

  private static void serve(KernelConnectionProperties props)
      throws GeneralSecurityException, InterruptedException {
    EvaluatorOptions options = new EvaluatorOptions(List.of(), Duration.ZERO,
        Path.of("").toAbsolutePath());
    CompletableFuture<Evaluator> session = CompletableFuture.supplyAsync(
        () -> Evaluator.start(options), runnable -> startThread("kernel-session-start", runnable));
    JavaKernel kernel = new JavaKernel(session);
    KernelSockets sockets = new KernelSockets(props, kernel);
    kernel.connect(sockets);
    sockets.bind(props);
    exitWithParent();
    kernel.awaitShutdown();
    sockets.close();
    session.thenAccept(Evaluator::close);
  }

  private static void startThread(String name, Runnable runnable) {
    Thread t = new Thread(runnable, name);
    t.setDaemon(true);
    t.start();
  }

  /** Ends this process when the Jupyter process that started it ends (no orphan JVMs). */
  private static void exitWithParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
        .thenRun(() -> Runtime.getRuntime().halt(0)));
  }

  /** No library log lines anywhere: java.util.logging is switched off (slf4j has no provider). */
  private static void silenceLogging() {
    LogManager.getLogManager().reset();
    Logger.getLogger("").setLevel(Level.OFF);
  }

  private static void fail(String message) {
    System.err.println("benchbook kernel: " + message);
    System.exit(2);
  }
}
