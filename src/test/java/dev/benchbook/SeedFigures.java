package dev.benchbook;

import java.nio.file.Path;
import java.util.List;

/** The seed's published figures, as the tests expect them printed, in one place. */
public final class SeedFigures {

  /** The fixture holding the seed's figures in our format. */
  public static final Path FILE =
      Path.of("data/seed-phase-14/results-mitigation-20260222-114707.json");

  /** The four rows of the seed's before/after table. */
  public static final List<String> ROWS = List.of(
      "| db_total_ms | 40.95 ms | 1.27 ms | -96.9% (-39.68ms) |",
      "| lock_wait_ms | 40.65 ms | 0.77 ms | -98.1% (-39.88ms) |",
      "| fsm_dispatch_ms | 0.09 ms | 0.03 ms | -70.4% (-0.06ms) |",
      "| fsm_net_ms | 41.17 ms | 1.34 ms | -96.8% (-39.83ms) |");

  /** The whole table: header, rule and the four rows. */
  public static final List<String> TABLE = List.of(
      "| Segment | Baseline P95 | Mitigation P95 | Delta |",
      "|---------|-------------|----------------|-------|",
      ROWS.get(0), ROWS.get(1), ROWS.get(2), ROWS.get(3));

  /** The seed's throughput line. */
  public static final String THROUGHPUT = "28,638 trans/s vs 3,287 baseline -- 8.7x";

  private SeedFigures() {
  }
}
