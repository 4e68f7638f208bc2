package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.ConfigProfile;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --jfr}: a recording beside the results, named in the JSON, summarised per config. */
class JfrRunTest {

  @TempDir
  Path tmp;

  private static String samples(Path jfr) {
    try {
      return dev.benchbook.results.JfrSamples.read(jfr).stream().map(s -> s.thread())
          .distinct().toList() + " " + dev.benchbook.results.JfrSamples.read(jfr).size();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  @Test
  void aRecordingIsWrittenNamedAndSummarised() throws Exception {
    Path data = tmp.resolve("data");
    Path reports = tmp.resolve("reports");
    Cli.Result r = Cli.small("run", "--concurrency", "2", "--files", "300", "--hold-ms", "1",
        "--jfr", "--data-dir", data.toString(), "--out", reports.toString())
        .assertCode(ExitCode.OK);
    Path json = Cli.only(data, ".json");
    Path jfr = Cli.only(data, ".jfr");
    assertTrue(r.out().contains(jfr.toString()), r::describe);
    LoadedRun run = ResultsReader.read(json);
    assertEquals(jfr.getFileName().toString(), run.run().jfrFile().orElseThrow());
    assertEquals(1, run.run().profiles().size(), () -> "profiles " + run.run().profiles()
        + " from " + samples(jfr) + " samples; " + r.describe());
    ConfigProfile p = run.run().profiles().get(0);
    assertEquals("c2-zero", p.config());
    assertTrue(p.samples() > 0);
    assertEquals(p.samples(), p.categories().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(0, Cli.names(data).stream().filter(n -> n.endsWith(".tmp")).count());
    String md = Files.readString(reports.resolve(json.getFileName().toString()
        .replace(".json", "")).resolve("README.md"));
    assertTrue(md.contains("## Where the time went (JFR)"), md);
    assertTrue(md.contains("[" + jfr.getFileName() + "]("), md);
  }

  @Test
  void aRecordingOfForkedJvmsIsRefusedBeforeMeasuring() {
    Cli.Result r = Cli.small("mitigate", "--jfr", "--forks", "2", "--files", "5",
        "--data-dir", tmp.resolve("data").toString()).assertCode(ExitCode.USAGE);
    assertEquals("benchbook: --jfr records the passes run in this JVM; this run would use 2 "
        + "fresh JVM(s): give --forks 1", r.firstErrLine());
    assertEquals("", r.out());
  }
}
