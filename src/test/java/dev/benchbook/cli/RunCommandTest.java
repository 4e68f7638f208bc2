package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook run} end to end: files written atomically, stats reproducible from rows. */
class RunCommandTest {

  static final int FILES = 40;
  static final int REPS = 2;
  static final int TRANSITIONS_PER_FILE = 4;

  @TempDir
  Path data;

  @Test
  void smallMatrixWritesOneResultsFileWhoseStatsFollowFromItsRows() throws Exception {
    Cli.Result r = Cli.small("run", "--files", "" + FILES, "--concurrency", "1,4",
        "--reps", "" + REPS, "--data-dir", data.toString()).assertCode(ExitCode.OK);

    Path json = Cli.only(data, ".json");
    Path rowsFile = Cli.only(data, ".rows.csv.gz");
    assertEquals(List.of(json.getFileName().toString(), rowsFile.getFileName().toString()),
        Cli.names(data), "nothing but the results file and its rows (no temp files)");
    assertTrue(json.getFileName().toString().matches("results-\\d{8}-\\d{6}\\.json"),
        json.toString());
    assertTrue(r.out().contains(json.toString()) && r.out().contains(rowsFile.toString()),
        r::describe);
    assertTrue(r.out().contains("\nc1-zero ") && r.out().contains("\nc4-zero "), r::describe);

    LoadedRun run = ResultsReader.read(json, ResultsReader.RowsMode.LOAD);
    RawRows rows = run.rows().orElseThrow();
    List<ConfigResult> configs = run.run().allConfigs();
    assertEquals(Set.of("c1-zero", "c4-zero"),
        configs.stream().map(ConfigResult::id).collect(Collectors.toSet()));
    assertRowInvariants(rows);
    for (ConfigResult c : configs) {
      int code = rows.configIds().indexOf(c.id());
      assertEquals(SegmentStatsCalculator.compute(rows, code), c.segments(),
          "pooled stats of " + c.id() + " recomputed from the raw rows");
      assertEquals(committed(rows, code), c.transitions(), c.id());
      assertEquals((long) FILES * TRANSITIONS_PER_FILE * REPS, c.transitions(), c.id());
      assertEquals(REPS, c.reps(), c.id());
    }
  }

  static void assertRowInvariants(RawRows rows) {
    assertTrue(rows.size() > 0);
    for (int i = 0; i < rows.size(); i++) {
      long lock = rows.longs(Column.LOCK_WAIT_NS)[i];
      long db = rows.longs(Column.DB_TOTAL_NS)[i];
      long net = rows.longs(Column.FSM_NET_NS)[i];
      int row = i;
      assertTrue(0 <= lock && lock <= db && db <= net,
          () -> "row " + row + ": lock_wait " + lock + " <= db_total " + db + " <= fsm_net "
              + net);
    }
  }

  static long committed(RawRows rows, int configCode) {
    long n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.config()[i] == configCode && rows.outcome()[i] == Outcome.COMMITTED.ordinal()) {
        n++;
      }
    }
    return n;
  }
}
