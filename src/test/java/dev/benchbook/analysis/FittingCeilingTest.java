package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.QueryResult;
import dev.benchbook.report.CeilingText;
import dev.benchbook.report.RunTable;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.ResultsWriter;
import dev.benchbook.results.RunFile;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.MachineInfo;
import dev.benchbook.runtime.MatrixRunner;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.GroupCommitCeiling;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each strategy's % of ceiling is of the ceiling that fits it (per transaction, or group commit
 * for the writer-queue), and the group-commit figure survives the results file and the catalog.
 */
class FittingCeilingTest {

  @TempDir
  Path tmp;

  private static BenchConfig config(String strategy) {
    return new BenchConfig(BenchConfig.standardId(4, "zero", strategy), 4,
        LatencyProfile.named("zero"), StrategySpec.named(strategy), 20,
        SqliteSettings.defaults(), 0, 0.0, Duration.ofSeconds(20));
  }

  @Test
  void writerQueueIsMeasuredAgainstGroupCommitAndTheOthersPerTransaction() throws Exception {
    Path dbs = Files.createDirectory(tmp.resolve("dbs"));
    RunPlan plan = new RunPlan(List.of(config("per-worker"), config("writer-queue")), 1, 42,
        false, Duration.ofMillis(200), Duration.ofMillis(80), dbs, List.of());
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
    RunFile file = RunSummarizer.matrix(out, MachineInfo.collect(), Map.of(), "matrix");
    ConfigResult perWorker = file.configs().get(0);
    ConfigResult queue = file.configs().get(1);

    assertTrue(perWorker.groupCommitCeiling().isEmpty());
    assertEquals(100 * perWorker.transitionsPerS() / perWorker.ceilingTxPerS().orElseThrow(),
        perWorker.pctOfCeiling(), 1e-9);
    GroupCommitCeiling g = queue.groupCommitCeiling().orElseThrow();
    assertEquals(4, g.transitionsPerCommit());
    assertEquals(100 * queue.transitionsPerS() / g.transitionsPerS(), queue.pctOfCeiling(), 1e-9);
    assertEquals(queue.transitionsPerS() / queue.ceilingTxPerS().orElseThrow(),
        queue.timesPerTransactionCeiling().orElseThrow(), 1e-9);

    Path data = Files.createDirectory(tmp.resolve("data"));
    LoadedRun back = ResultsReader.read(new ResultsWriter(data).write(file).json());
    assertEquals(g, back.run().configs().get(1).groupCommitCeiling().orElseThrow());
    assertTrue(back.run().configs().get(0).groupCommitCeiling().isEmpty());
    String json = Files.readString(back.path());
    assertEquals(1, json.split("\"group_commit_ceiling\"", -1).length - 1, json);

    Catalog.update(data);
    QueryResult q = Catalog.query(Catalog.defaultFile(data), "SELECT config, pct_of_ceiling, "
        + "group_commit_tx_per_s, group_commit_size FROM configs ORDER BY position", Map.of());
    assertEquals(2, q.size());
    assertEquals(null, q.value(0, "group_commit_tx_per_s"));
    assertEquals(g.transitionsPerS(), ((Number) q.value(1, "group_commit_tx_per_s"))
        .doubleValue(), 1e-9);
    assertEquals(4, ((Number) q.value(1, "group_commit_size")).intValue());
    assertEquals(queue.pctOfCeiling(), ((Number) q.value(1, "pct_of_ceiling")).doubleValue(),
        1e-9);

    String table = RunTable.markdown(back.run().configs());
    assertTrue(table.contains("% of group commit"), table);
    String sentence = CeilingText.groupCommit(back.run()).orElseThrow();
    assertTrue(sentence.startsWith(String.format(java.util.Locale.US,
        "%,.0f transitions/s at 4 per commit", g.transitionsPerS())), sentence);
    assertTrue(sentence.contains(queue.id() + " "), sentence);
    assertTrue(CeilingText.groupCommit(file.mapConfigs(c -> c.id().equals(queue.id())
        ? perWorker : c)).isEmpty(), "no sentence without a group-commit figure");
  }
}
