package dev.benchbook.kernel;

import java.security.GeneralSecurityException;
import java.util.List;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/** The five sockets of a kernel (shell, control, stdin, iopub, heartbeat) bound to their ports. */
final class KernelSockets implements AutoCloseable {

  private static final long STOP_WAIT_MS = 1_000;

  private final ZMQ.Context context;
  private final ServedChannel shell;
  private final ServedChannel control;
  private final StdinChannel stdin;
  private final IOPubChannel iopub;
  private final HeartbeatChannel heartbeat;

  /** The sockets of a connection file, not bound yet; requests will go to {@code dispatcher}. */
  KernelSockets(KernelConnectionProperties props, ServedChannel.Dispatcher dispatcher)
      throws GeneralSecurityException {
    HMACGenerator hmac = props.createHMACGenerator();
    context = ZMQ.context(1);
    shell = new ServedChannel(context, hmac, false, dispatcher);
    control = new ServedChannel(context, hmac, true, dispatcher);
    stdin = new StdinChannel(context, hmac);
    iopub = new IOPubChannel(context, hmac);
    heartbeat = new HeartbeatChannel(context, hmac);
  }

  /** Binds every socket to its port, starts serving requests and broadcasts "starting". */
  void bind(KernelConnectionProperties props) {
    for (JupyterSocket s : all()) {
      s.bind(props);
    }
    Messages.status(iopub, null, "starting");
  }

  /** The ZeroMQ context of every socket. */
  ZMQ.Context context() {
    return context;
  }

  /** The stdin socket (input requests to the front end). */
  StdinChannel stdin() {
    return stdin;
  }

  /** The iopub socket (outputs and status broadcast to every front end). */
  IOPubChannel iopub() {
    return iopub;
  }

  private List<JupyterSocket> all() {
    return List.of(iopub, heartbeat, stdin, control, shell);
  }

  /** Stops the serving threads, then closes the sockets and the ZeroMQ context. */
  @Override
  public void close() throws InterruptedException {
    shell.stop(STOP_WAIT_MS);
    control.stop(STOP_WAIT_MS);
    for (JupyterSocket s : all()) {
      s.close();
    }
    context.close();
  }
}
