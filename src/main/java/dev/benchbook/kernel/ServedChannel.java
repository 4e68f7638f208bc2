package dev.benchbook.kernel;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control socket served by one thread that blocks in {@code poll}, so a request is
 * handled as soon as it arrives; jjava's own loop polls without waiting and then sleeps 50 ms,
 * which would add up to 50 ms to every request.
 */
final class ServedChannel extends ShellChannel {

  /** Handles the requests read from a channel, one at a time, on the channel's thread. */
  interface Dispatcher {

    /** Handles one request that arrived on {@code channel}. */
    void dispatch(ServedChannel channel, Message<?> request);

    /** True while requests already waiting should be read at once (to abort them). */
    boolean draining();

    /** Called when draining found no more waiting requests. */
    void drained();
  }

  private static final long POLL_MS = 100;

  private final boolean control;
  private final Dispatcher dispatcher;
  private volatile boolean running;
  private Thread thread;

  ServedChannel(ZMQ.Context context, HMACGenerator hmac, boolean control,
      Dispatcher dispatcher) {
    super(context, hmac, control, null);
    this.control = control;
    this.dispatcher = dispatcher;
  }

  /** Binds the socket to its port and starts serving it. */
  @Override
  public void bind(KernelConnectionProperties props) {
    bind(formatAddress(props.getTransport(), props.getIp(),
        control ? props.getControlPort() : props.getShellPort()));
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    running = true;
    thread = new Thread(() -> serve(poller), control ? "kernel-control" : "kernel-shell");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve(ZMQ.Poller poller) {
    try {
      while (running) {
        boolean draining = !control && dispatcher.draining();
        if (poller.poll(draining ? 0 : POLL_MS) > 0) {
          serveOne();
        } else if (draining) {
          dispatcher.drained();
        }
      }
    } finally {
      poller.close();
    }
  }

  /**
   * Reads and dispatches one request. A message that cannot be read (bad signature, unknown
   * content) is dropped, as ipykernel does, so one bad message never stops the socket.
   */
  private void serveOne() {
    Message<?> request;
    try {
      request = readMessage();
    } catch (RuntimeException unreadable) {
      return;
    }
    if (request != null) {
      dispatcher.dispatch(this, request);
    }
  }

  /** Stops serving (the loop ends within one poll period) and waits for the loop to end. */
  void stop(long waitMs) throws InterruptedException {
    running = false;
    if (thread != null && thread != Thread.currentThread()) {
      thread.join(waitMs);
    }
  }

  @Override
  public void waitUntilClose() {
    try {
      stop(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
