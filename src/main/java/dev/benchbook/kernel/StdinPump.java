package dev.benchbook.kernel;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * Owns the stdin socket on one thread that nothing interrupts. A cell waiting for input waits
 * on a future instead of inside the socket: JeroMQ closes its internal pipe when the thread in
 * a read is interrupted, which would leave stdin failing with EINTR for the rest of the session.
 * An interrupted wait abandons its request; an answer that comes while none is awaited, or that
 * names another request, is dropped.
 */
final class StdinPump {

  /** How often the pump looks for an answer while one is awaited (a person is typing). */
  static final long POLL_MS = 5;

  private record Asked(MessageContext context, String prompt, CompletableFuture<String> answer) {
  }

  private final ZMQ.Context context;
  private final StdinChannel socket;
  private final BlockingQueue<Asked> asked = new LinkedBlockingQueue<>();
  private volatile boolean closed;
  private String currentId;

  /** A pump for {@code socket} of {@code context}; its thread starts now, ends at close. */
  StdinPump(ZMQ.Context context, StdinChannel socket) {
    this.context = context;
    this.socket = socket;
    Thread thread = new Thread(this::loop, "benchbook-stdin");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Asks the front end of {@code context}'s request for one line and waits for it; the line
   * comes without its end of line. An interrupt ends the wait (as an interrupted read).
   */
  String ask(MessageContext context, String prompt) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    asked.add(new Asked(context, prompt, answer));
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(false);
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("input interrupted"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("stdin: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Stops the pump; a request still waiting fails. */
  void close() {
    closed = true;
  }

  private void loop() {
    ZMQ.Poller poller = context.poller(1);
    poller.register(socket, ZMQ.Poller.POLLIN);
    Asked current = null;
    try {
      while (!closed) {
        current = step(poller, current);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      poller.close();
      failWaiting(current);
    }
  }

  /** One turn: takes the next request when none is awaited, then reads what came in. */
  private Asked step(ZMQ.Poller poller, Asked current) throws InterruptedException {
    try {
      Asked awaited = current;
      if (awaited != null && awaited.answer().isDone()) {
        awaited = null;
      }
      if (awaited == null) {
        awaited = asked.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (awaited != null) {
          currentId = send(awaited);
        }
      }
      while (poller.poll(awaited == null ? 0 : POLL_MS) > 0 && poller.pollin(0)) {
        if (answers(socket.readMessage(), awaited)) {
          return null;
        }
      }
      return awaited;
    } catch (RuntimeException e) {
      if (current != null) {
        current.answer().completeExceptionally(e);
      }
      return null;
    }
  }

  private String send(Asked a) {
    Message<InputRequest> request = new Message<>(a.context(), InputRequest.MESSAGE_TYPE,
        new InputRequest(a.prompt(), false));
    socket.sendMessage(request);
    return request.getHeader().getId();
  }

  /**
   * True when {@code m} answered {@code awaited}, whose future it then completes. Front ends
   * need not name the request they answer (jupyter_client sends no parent header): an answer
   * naming another request is dropped, one naming none answers the request awaited.
   */
  private boolean answers(Message<?> m, Asked awaited) {
    if (m == null || awaited == null || !(m.getContent() instanceof InputReply reply)
        || m.hasParentHeader() && !m.getParentHeader().getId().equals(currentId)) {
      return false;
    }
    awaited.answer().complete(reply.getValue());
    return true;
  }

  private void failWaiting(Asked current) {
    IllegalStateException gone = new IllegalStateException("the kernel is shutting down");
    if (current != null) {
      current.answer().completeExceptionally(gone);
    }
    for (Asked a; (a = asked.poll()) != null; ) {
      a.answer().completeExceptionally(gone);
    }
  }
}
