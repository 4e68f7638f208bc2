package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Files prepared in order, a bounded number ahead, their failures passed to the taker. */
class ReadAheadTest {

  private static final List<Path> FILES =
      List.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d"), Path.of("e"));

  @Test
  void preparesInOrderAndNeverMoreThanTheBoundAhead() throws Exception {
    Set<String> started = ConcurrentHashMap.newKeySet();
    CountDownLatch firstTwo = new CountDownLatch(2);
    try (ReadAhead<String> reads = new ReadAhead<>(FILES, 1, f -> {
      started.add(f.toString());
      firstTwo.countDown();
      return f + "!";
    })) {
      assertTrue(firstTwo.await(10, TimeUnit.SECONDS), "the first files start at once");
      Thread.sleep(50);
      assertEquals(Set.of("a", "b"), started, "one file ahead of the (not yet taken) first");
      for (int i = 0; i < FILES.size(); i++) {
        assertEquals(FILES.get(i) + "!", reads.take(i));
        assertTrue(started.size() <= i + 2, "at most one ahead of file " + i);
      }
      assertEquals(5, started.size());
    }
  }

  @Test
  void aFileThatCannotBeReadFailsWhenItIsTaken() throws Exception {
    try (ReadAhead<String> reads = new ReadAhead<>(FILES, 2, f -> {
      if (f.toString().equals("b")) {
        throw new IOException("b: cannot read");
      }
      return f.toString();
    })) {
      assertEquals("a", reads.take(0));
      assertEquals("b: cannot read", assertThrows(IOException.class, () -> reads.take(1))
          .getMessage());
      assertEquals("c", reads.take(2));
    }
  }
}
