package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.report.ReportWriter;
import dev.benchbook.results.ResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measuring commands keep reports/ in step with data/ when asked (or in the workspace). */
class RunReportsTest {

  private static final String[] SMALL = {"--files", "20", "--concurrency", "2", "--profile",
      "zero", "--no-warmup", "-q"};

  private static String[] args(String... head) {
    return Stream.concat(Stream.of(head), Stream.of(SMALL)).toArray(String[]::new);
  }

  @Test
  void runWithOutWritesItsReportAndAnIndexThatRegenerationReproduces(@TempDir Path tmp)
      throws Exception {
    Path data = tmp.resolve("data");
    Path reports = tmp.resolve("reports");
    Cli.run(args("run", "--data-dir", data.toString(), "--out", reports.toString()))
        .assertCode(ExitCode.OK);
    List<Path> json;
    try (Stream<Path> s = Files.list(data)) {
      json = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertEquals(1, json.size());
    String name = json.get(0).getFileName().toString().replace(".json", "");
    Path readme = reports.resolve(name).resolve("README.md");
    assertTrue(Files.exists(readme), "report written");
    String index = Files.readString(reports.resolve("README.md"));
    assertTrue(index.contains("[" + name + "](" + name + "/README.md)"), index);

    Path again = tmp.resolve("again");
    new ReportWriter(data, again).writeAll(ResultsReader.load(data).runs());
    assertEquals(Files.readString(readme), Files.readString(again.resolve(name)
        .resolve("README.md")));
    assertEquals(index, Files.readString(again.resolve("README.md")));
  }

  @Test
  void runIntoAnotherDataFolderWritesNoReportUnlessAsked(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("elsewhere");
    Cli.run(args("run", "--data-dir", data.toString())).assertCode(ExitCode.OK);
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(data), s.toList(), "nothing beside the data folder");
    }
    Cli.run(args("run", "--data-dir", data.toString(), "--out", tmp.resolve("r").toString(),
        "--no-report")).assertCode(ExitCode.OK);
    assertFalse(Files.exists(tmp.resolve("r")));
  }
}
