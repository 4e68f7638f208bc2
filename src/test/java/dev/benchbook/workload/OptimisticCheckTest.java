package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.rows.Outcome;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A stale state or version is a counted conflict that writes nothing, under every strategy. */
class OptimisticCheckTest {

  @TempDir
  Path tmp;

  static Stream<String> atomicStrategies() {
    return Strategies.all().stream().filter(Strategy::atomic).map(Strategy::name);
  }

  @ParameterizedTest
  @MethodSource("atomicStrategies")
  void staleVersionOrStateIsAConflictAndWritesNothing(String strategy) throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 3);
        ConnectionStrategy s = StrategySpec.named(strategy).create(db, 0);
        WriteChannel ch = s.open(0)) {
      TransitionWrite ok = Writes.of(1, "PENDING", "UPLOADING", 0);
      ch.apply(ok);
      assertEquals(Outcome.COMMITTED, ok.result);
      TransitionWrite staleVersion = Writes.of(1, "UPLOADING", "UPLOADED", 0);
      ch.apply(staleVersion);
      assertEquals(Outcome.CONFLICT, staleVersion.result);
      TransitionWrite staleState = Writes.of(2, "UPLOADING", "UPLOADED", 0);
      ch.apply(staleState);
      assertEquals(Outcome.CONFLICT, staleState.result);
      assertEquals(1, Writes.count(db, "SELECT count(*) FROM transitions"));
      assertEquals(1, Writes.count(db, "SELECT version FROM files WHERE id = 1"));
      assertEquals(0, Writes.count(db, "SELECT version FROM files WHERE id = 2"));
    }
  }
}
