package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Printed text reaches the front end in few messages, all of it, in order. */
class StreamBatcherTest {

  private record Sent(String stream, String text) {
  }

  private final List<Sent> sent = new ArrayList<>();

  private synchronized void send(String stream, String text) {
    sent.add(new Sent(stream, text));
  }

  @Test
  void aHundredThousandLinesGoAsAFewMessagesWithEveryLine() {
    StreamBatcher b = new StreamBatcher(this::send, 60_000);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      String line = "line " + i + "\n";
      expected.append(line);
      b.append("stdout", line);
    }
    b.flush();
    String all = String.join("", sent.stream().map(Sent::text).toList());
    assertEquals(expected.toString(), all);
    int bySize = (int) Math.ceil(expected.length() / (double) StreamBatcher.MAX_CHARS);
    assertEquals(bySize, sent.size(), "one message per " + StreamBatcher.MAX_CHARS + " chars");
    assertTrue(sent.stream().allMatch(s -> s.text().length() <= StreamBatcher.MAX_CHARS + 20));
  }

  @Test
  void textWaitsAtMostTheIntervalThenGoesAlone() throws InterruptedException {
    StreamBatcher b = new StreamBatcher(this::send, 50);
    b.append("stdout", "a\n");
    b.append("stdout", "b\n");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (sizeNow() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    synchronized (this) {
      assertEquals(List.of(new Sent("stdout", "a\nb\n")), sent);
    }
  }

  @Test
  void aSwitchOfStreamSendsWhatWaitsSoTheOrderIsKept() {
    StreamBatcher b = new StreamBatcher(this::send, 60_000);
    b.append("stdout", "1\n");
    b.append("stdout", "2\n");
    b.append("stderr", "oops\n");
    b.append("stdout", "3\n");
    b.flush();
    b.flush();
    assertEquals(List.of(new Sent("stdout", "1\n2\n"), new Sent("stderr", "oops\n"),
        new Sent("stdout", "3\n")), sent);
  }

  private synchronized int sizeNow() {
    return sent.size();
  }
}
