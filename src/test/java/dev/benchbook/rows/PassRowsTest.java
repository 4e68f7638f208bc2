package dev.benchbook.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pass's rows are allocated before it starts: however the rows split between workers (one
 * greedy worker, the others starved), nothing grows while recording, and the rows come out
 * worker by worker in the order each recorded them.
 */
class PassRowsTest {

  private static final List<String> STATES = List.of("A", "B");

  @Test
  void aGreedyWorkerFillsThePassWithoutGrowingIt() {
    int capacity = PassRows.capacityFor(1000, 4, 8);
    PassRows pass = new PassRows(List.of("c8"), STATES, capacity);
    RowWriter[] writers = new RowWriter[8];
    for (int w = 0; w < 8; w++) {
      writers[w] = pass.writer(0, 2, w);
    }
    long[][] before = arrays(pass);
    for (int i = 0; i < 1000 * 4 * 2; i++) {
      record(writers[0], i);
    }
    record(writers[5], 7);
    long[][] after = arrays(pass);
    for (int k = 0; k < before.length; k++) {
      assertSame(before[k], after[k], "no array replaced while recording");
    }
    assertEquals(0, pass.overflowRows());
    assertEquals(8001, pass.count());
    RawRows sink = new RawRows(List.of("c8"), STATES, 16);
    pass.drainTo(sink);
    assertEquals(8001, sink.size());
    for (int i = 0; i < 8000; i++) {
      assertEquals(0, sink.worker()[i]);
      assertEquals(i, sink.longs(Column.LOCK_WAIT_NS)[i], "worker 0's rows in its order");
      assertEquals(2, sink.rep()[i]);
    }
    assertEquals(5, sink.worker()[8000]);
    assertEquals(7, sink.longs(Column.LOCK_WAIT_NS)[8000]);
    assertEquals(Outcome.BUSY.code(), sink.outcome()[8000]);
  }

  @Test
  void beyondItsCapacityAPassKeepsEveryRowAndCountsTheOverflow() {
    PassRows pass = new PassRows(List.of("c2"), STATES, 10);
    RowWriter a = pass.writer(0, 0, 0);
    RowWriter b = pass.writer(0, 0, 1);
    for (int i = 0; i < PassRows.BLOCK_ROWS + 500; i++) {
      record(a, i);
      record(b, 100_000 + i);
    }
    assertEquals(2 * (PassRows.BLOCK_ROWS + 500) - PassRows.BLOCK_ROWS, pass.overflowRows());
    RawRows sink = new RawRows(List.of("c2"), STATES, 16);
    pass.drainTo(sink);
    int n = PassRows.BLOCK_ROWS + 500;
    assertEquals(2 * n, sink.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, sink.longs(Column.LOCK_WAIT_NS)[i]);
      assertEquals(100_000 + i, sink.longs(Column.LOCK_WAIT_NS)[n + i]);
      assertEquals(1, sink.worker()[n + i]);
    }
  }

  @Test
  void everyRowCarriesItsWritersIdsAndAColumnWithoutAFieldTakesTheGeneralPath() {
    PassRows pass = new PassRows(List.of("c1", "c2"), STATES, 3 * PassRows.BLOCK_ROWS);
    RowWriter a = pass.writer(1, 4, 0);
    RowWriter b = pass.writer(0, 2, 6);
    int n = PassRows.BLOCK_ROWS + 3;
    for (int i = 0; i < n; i++) {
      record(a, i);
      b.set(Column.REP, 9);
      record(b, i);
    }
    RawRows sink = new RawRows(List.of("c1", "c2"), STATES, 16);
    pass.drainTo(sink);
    assertEquals(2 * n, sink.size());
    for (int i = 0; i < n; i++) {
      assertEquals(1, sink.config()[i]);
      assertEquals(4, sink.rep()[i]);
      assertEquals(0, sink.worker()[i]);
      assertEquals(0, sink.config()[n + i]);
      assertEquals(9, sink.rep()[n + i], "set(REP) overrides the writer's repetition");
      assertEquals(6, sink.worker()[n + i]);
      assertEquals(i + 1, sink.longs(Column.DB_TOTAL_NS)[n + i]);
    }
  }

  private static void record(RowWriter w, long v) {
    w.set(Column.FILE_ID, 3);
    w.set(Column.FROM_STATE, 0);
    w.set(Column.TO_STATE, 1);
    w.set(Column.START_NS, v);
    w.set(Column.LOCK_WAIT_NS, v);
    w.set(Column.DB_TOTAL_NS, v + 1);
    w.commit(v % 2 == 1 && v < 10 ? Outcome.BUSY : Outcome.COMMITTED);
  }

  private static long[][] arrays(PassRows pass) {
    RawRows s = pass.storage();
    return new long[][] {s.longs(Column.LOCK_WAIT_NS), s.longs(Column.START_NS)};
  }
}
