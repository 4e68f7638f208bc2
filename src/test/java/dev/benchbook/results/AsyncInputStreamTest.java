package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Read-ahead chunks are sized for the file and every byte arrives in order. */
class AsyncInputStreamTest {

  @Test
  void chunksAreHalfTheExpectedSizeWithinBounds() {
    assertEquals(1 << 20, AsyncInputStream.chunkBytes(0), "unknown size: the largest chunks");
    assertEquals(1 << 16, AsyncInputStream.chunkBytes(1_000), "small file: the smallest");
    assertEquals(600_001, AsyncInputStream.chunkBytes(1_200_000));
    assertEquals(1 << 20, AsyncInputStream.chunkBytes(50_000_000L), "big file: the largest");
  }

  @Test
  void everyByteArrivesInOrderWhateverTheChunkSize() throws Exception {
    byte[] data = new byte[700_000];
    new Random(7).nextBytes(data);
    for (long expected : new long[] {0, 1_000, 200_000, data.length}) {
      byte[] back = new byte[data.length];
      try (InputStream in = new AsyncInputStream(new ByteArrayInputStream(data), expected)) {
        int off = 0;
        for (int n; (n = in.read(back, off, Math.min(12_345, back.length - off))) > 0; ) {
          off += n;
        }
        assertEquals(data.length, off, "expected size " + expected);
        assertEquals(-1, in.read(), "then the end");
      }
      assertArrayEquals(data, back, "expected size " + expected);
    }
  }
}
