package dev.benchbook.bench;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic synthetic raw rows shaped like a default matrix run (6 configs, 4 edges). */
public final class SyntheticRows {

  /** The default matrix's config ids. */
  public static final List<String> CONFIGS = List.of(
      "c1-zero", "c1-fast", "c1-realistic", "c10-zero", "c10-fast", "c10-realistic");
  /** The flow's states. */
  public static final List<String> STATES = List.of(
      "PENDING", "UPLOADING", "UPLOADED", "PROCESSING", "INDEXED");

  private SyntheticRows() {
  }

  /** Builds {@code n} rows from a seeded RNG; timings in realistic magnitudes. */
  public static RawRows generate(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    RawRows rows = new RawRows(CONFIGS, STATES, n);
    int perConfig = Math.max(1, n / CONFIGS.size());
    long start = 0;
    for (int i = 0; i < n; i++) {
      int config = Math.min(CONFIGS.size() - 1, i / perConfig);
      int edge = i % 4;
      long dispatch = 800 + rng.nextInt(4_000);
      long api = config % 3 == 0 ? 0 : 1_000_000L + rng.nextInt(8_000_000);
      long lockWait = rng.nextInt(40_000_000);
      long db = lockWait + 50_000 + rng.nextInt(900_000);
      long net = db + dispatch + rng.nextInt(20_000);
      start += 1_000 + rng.nextInt(300_000);
      int roll = rng.nextInt(1000);
      Outcome outcome = roll == 0 ? Outcome.CONFLICT : roll == 1 ? Outcome.BUSY : Outcome.COMMITTED;
      TestRows.add(rows, config, 0, i % 10, i / 4 % 818, edge, edge + 1, start, dispatch, api, lockWait,
          db, net, net + api, rng.nextInt(100) == 0 ? 1 : 0, outcome);
    }
    return rows;
  }
}
