package dev.benchbook.kernel;

import dev.benchbook.notebook.DisplayData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Sends replies and broadcasts whose content this package writes itself, as ordered maps, so
 * every field the protocol requires is there (jjava's reply classes omit {@code status}).
 */
final class Messages {

  private Messages() {
  }

  /** Replies to the request of {@code env} on its shell or control socket. */
  static void reply(ShellReplyEnvironment env, MessageType<?> type, Map<String, ?> content) {
    env.reply(message(env, type, content));
  }

  /** Broadcasts on iopub with the request of {@code env} as parent. */
  static void publish(ShellReplyEnvironment env, MessageType<?> type, Map<String, ?> content) {
    env.publish(message(env, type, content));
  }

  /** Broadcasts the kernel's execution state ({@code busy}, {@code idle}, {@code starting}). */
  static void status(JupyterSocket iopub, MessageContext parent, String state) {
    iopub.sendMessage(message(parent, MessageType.PUBLISH_STATUS,
        of("execution_state", state)));
  }

  private static Message<?> message(ShellReplyEnvironment env, MessageType<?> type,
      Map<String, ?> content) {
    return message(env.getContext(), type, content);
  }

  /**
   * A message whose header carries a microsecond ISO-8601 timestamp (jjava's own headers stop
   * at minutes, which would spoil the cell timings Jupyter records from them).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Message<?> message(MessageContext parent, MessageType<?> type,
      Map<String, ?> content) {
    Header<?> header = new Header(UUID.randomUUID().toString(),
        parent == null ? "kernel" : parent.getHeader().getUsername(),
        parent == null ? "" : parent.getHeader().getSessionId(),
        new KernelTimestamp(Instant.now().toString()), type, KernelInfo.PROTOCOL);
    return new Message(parent == null ? List.of() : parent.getIdentities(), header,
        parent == null ? null : parent.getHeader(), null, content, null);
  }

  /** A map of the given key/value pairs in order. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** {@code {"status": "ok", ...}}. */
  static Map<String, Object> ok(Object... keysAndValues) {
    Map<String, Object> map = of("status", "ok");
    map.putAll(of(keysAndValues));
    return map;
  }

  /** The {@code data}/{@code metadata} pair of display_data and execute_result. */
  static Map<String, Object> bundle(DisplayData display) {
    return of("data", new LinkedHashMap<>(display.data()), "metadata", Map.of());
  }

  /** An error's content: name, message, traceback (execute_reply adds status and count). */
  static Map<String, Object> error(String name, String message, List<String> traceback) {
    return of("ename", name, "evalue", message, "traceback", traceback);
  }
}
