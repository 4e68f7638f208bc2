package dev.benchbook.kernel;

import dev.benchbook.notebook.CellError;
import dev.benchbook.notebook.CellListener;
import dev.benchbook.notebook.CellOutcome;
import dev.benchbook.notebook.Completeness;
import dev.benchbook.notebook.Completions;
import dev.benchbook.notebook.DisplayData;
import dev.benchbook.notebook.Evaluator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The Jupyter side of a kernel session: answers each shell and control request with the
 * session's {@link Evaluator}, broadcasting outputs and busy/idle status on iopub.
 */
final class JavaKernel implements ServedChannel.Dispatcher {

  private final CompletableFuture<Evaluator> evaluator;
  private final SessionHistory history = new SessionHistory();
  private final HistoryReplies historyReplies = new HistoryReplies(history);
  private final AtomicInteger executionCount = new AtomicInteger();
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private volatile boolean aborting;
  private StdinChannel stdin;
  private StdinPump stdinPump;
  private JupyterSocket iopub;

  /** A kernel whose evaluator may still be starting; requests that need it wait for it. */
  JavaKernel(CompletableFuture<Evaluator> evaluator) {
    this.evaluator = evaluator;
  }

  /** Sets the sockets replies' environments use for stdin and iopub. */
  void connect(KernelSockets sockets) {
    this.stdin = sockets.stdin();
    this.stdinPump = new StdinPump(sockets.context(), stdin);
    this.iopub = sockets.iopub();
  }

  /** Waits until a shutdown request was answered. */
  void awaitShutdown() throws InterruptedException {
    shutdown.await();
    if (stdinPump != null) {
      stdinPump.close();
    }
  }

  @Override
  public void dispatch(ServedChannel channel, Message<?> request) {
    ShellReplyEnvironment env = new ShellReplyEnvironment(channel, stdin, iopub, request) { };
    Messages.status(iopub, request, "busy");
    try {
      handle(env, request);
    } catch (RuntimeException e) {
      replyError(env, request, e);
    } finally {
      env.resolveDeferrals();
      Messages.status(iopub, request, "idle");
    }
  }

  @Override
  public boolean draining() {
    return aborting;
  }

  @Override
  public void drained() {
    aborting = false;
  }

  /** Answers a request whose handling failed with an error reply, so the client never waits. */
  private static void replyError(ShellReplyEnvironment env, Message<?> request,
      RuntimeException e) {
    String name = request.getHeader().getType().getName();
    MessageType<?> replyType = MessageType.getType(name.replace("_request", "_reply"));
    if (!name.endsWith("_request") || replyType == MessageType.UNKNOWN) {
      return;
    }
    Throwable cause = e.getCause() != null && e instanceof CompletionException
        ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage());
    Map<String, Object> content = Messages.of("status", "error");
    content.putAll(Messages.error(cause.getClass().getName(), message,
        List.of(cause.getClass().getName() + ": " + message)));
    Messages.reply(env, replyType, content);
  }

  private void handle(ShellReplyEnvironment env, Message<?> request) {
    Object content = request.getContent();
    switch (request.getHeader().getType().getName()) {
      case "kernel_info_request" -> Messages.reply(env, MessageType.KERNEL_INFO_REPLY,
          KernelInfo.reply());
      case "execute_request" -> execute(env, (ExecuteRequest) content);
      case "is_complete_request" -> isComplete(env, (IsCompleteRequest) content);
      case "complete_request" -> complete(env, (CompleteRequest) content);
      case "inspect_request" -> inspect(env, (InspectRequest) content);
      case "history_request" -> Messages.reply(env, MessageType.HISTORY_REPLY,
          historyReplies.reply(content));
      case "comm_info_request" -> Messages.reply(env, MessageType.COMM_INFO_REPLY,
          Messages.ok("comms", Map.of()));
      case "interrupt_request" -> interrupt(env);
      case "shutdown_request" -> shutdown(env, (ShutdownRequest) content);
      default -> {
        // comm messages and unknown requests: no comms are offered, nothing to answer
      }
    }
  }

  private void execute(ShellReplyEnvironment env, ExecuteRequest request) {
    if (aborting) {
      Messages.reply(env, MessageType.EXECUTE_REPLY, Messages.of("status", "aborted"));
      return;
    }
    boolean store = request.shouldStoreHistory() && !request.isSilent();
    int count = store ? executionCount.incrementAndGet() : executionCount.get();
    if (!request.isSilent()) {
      Messages.publish(env, MessageType.PUBLISH_EXECUTE_INPUT,
          Messages.of("code", request.getCode(), "execution_count", count));
    }
    if (store) {
      history.add(count, request.getCode());
    }
    StreamBatcher streams = new StreamBatcher((name, text) -> Messages.publish(env,
        MessageType.PUBLISH_STREAM, Messages.of("name", name, "text", text)));
    CellOutcome outcome = run(request.getCode(), outputs(env, streams,
        request.isStdinEnabled() && !request.isSilent() ? stdinPump : null));
    streams.flush();
    if (outcome.error().isPresent()) {
      failed(env, count, outcome.error().get());
      aborting = request.shouldStopOnError() && !request.isSilent();
      return;
    }
    outcome.result().filter(r -> !request.isSilent()).ifPresent(r -> result(env, count, r));
    Messages.reply(env, MessageType.EXECUTE_REPLY, Messages.ok("execution_count", count,
        "payload", List.of(), "user_expressions", Map.of()));
  }

  private CellOutcome run(String code, CellListener listener) {
    Evaluator session;
    try {
      session = evaluator.join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = "the Java session did not start: " + cause.getMessage();
      return new CellOutcome(Optional.empty(), Optional.of(new CellError(
          cause.getClass().getName(), message, 0, List.of(message))));
    }
    return session.execute(code, listener);
  }

  private void result(ShellReplyEnvironment env, int count, DisplayData result) {
    Map<String, Object> content = Messages.of("execution_count", count);
    content.putAll(Messages.bundle(result));
    Messages.publish(env, MessageType.PUBLISH_EXECUTION_RESULT, content);
    history.output(count, result.plain());
  }

  private void failed(ShellReplyEnvironment env, int count, CellError error) {
    Map<String, Object> content = Messages.error(error.name(), error.message(),
        error.traceback());
    Messages.publish(env, MessageType.PUBLISH_ERROR, content);
    Map<String, Object> reply = Messages.of("status", "error", "execution_count", count);
    reply.putAll(content);
    Messages.reply(env, MessageType.EXECUTE_REPLY, reply);
  }

  /**
   * Where a cell's outputs go: printed text in batches ({@link StreamBatcher}), displays at once
   * (after the text printed before them), and input asked with an {@code input_request} when
   * the client allows stdin ({@code stdin} not null).
   */
  private static CellListener outputs(ShellReplyEnvironment env, StreamBatcher streams,
      StdinPump stdin) {
    return new CellListener() {
      @Override
      public void stdout(String text) {
        streams.append("stdout", text);
      }

      @Override
      public void stderr(String text) {
        streams.append("stderr", text);
      }

      @Override
      public void display(DisplayData data) {
        streams.flush();
        Messages.publish(env, MessageType.PUBLISH_DISPLAY_DATA, Messages.bundle(data));
      }

      @Override
      public Optional<String> input(String prompt) {
        if (stdin == null) {
          return Optional.empty();
        }
        streams.flush();
        return Optional.of(stdin.ask(env.getContext(), prompt));
      }
    };
  }

  private void isComplete(ShellReplyEnvironment env, IsCompleteRequest request) {
    Completeness c = evaluator.join().isComplete(request.getCode());
    Map<String, Object> content = Messages.of("status",
        c.status().name().toLowerCase(Locale.ROOT));
    if (c.status() == Completeness.Status.INCOMPLETE) {
      content.put("indent", c.indent());
    }
    Messages.reply(env, MessageType.IS_COMPLETE_REPLY, content);
  }

  private void complete(ShellReplyEnvironment env, CompleteRequest request) {
    String code = request.getCode();
    Completions c = evaluator.join().complete(code, Cursor.toChars(code, request.getCursorPos()));
    Messages.reply(env, MessageType.COMPLETE_REPLY, Messages.ok("matches", c.matches(),
        "cursor_start", Cursor.toCodePoints(code, c.start()),
        "cursor_end", Cursor.toCodePoints(code, c.end()), "metadata", Map.of()));
  }

  private void inspect(ShellReplyEnvironment env, InspectRequest request) {
    String code = request.getCode();
    Optional<DisplayData> doc = evaluator.join().inspect(code,
        Cursor.toChars(code, request.getCursorPos()));
    Map<String, Object> content = Messages.ok("found", doc.isPresent());
    content.putAll(doc.map(Messages::bundle)
        .orElse(Messages.of("data", Map.of(), "metadata", Map.of())));
    Messages.reply(env, MessageType.INSPECT_REPLY, content);
  }

  private void interrupt(ShellReplyEnvironment env) {
    stopRunningCell();
    Messages.reply(env, MessageType.INTERRUPT_REPLY, Messages.ok());
  }

  private void stopRunningCell() {
    if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
      evaluator.join().interrupt();
    }
  }

  private void shutdown(ShellReplyEnvironment env, ShutdownRequest request) {
    stopRunningCell();
    Messages.reply(env, MessageType.SHUTDOWN_REPLY, Messages.ok("restart",
        request.isRestart()));
    shutdown.countDown();
  }
}
