package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder that cannot be written is refused before anything is measured (also as root). */
class UnwritableDataDirTest {

  @TempDir
  Path tmp;

  @Test
  void runRefusesAFileWhereTheDataFolderShouldBe() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli.Result r = Cli.small("run", "--concurrency", "1", "--files", "5", "--data-dir",
        file.resolve("data").toString()).assertCode(ExitCode.FAILED);
    assertEquals("benchbook: I/O error: data folder " + file.resolve("data") + ": cannot write "
        + "there (FileSystem: " + file.resolve("data") + ": Not a directory)",
        r.firstErrLine());
    assertEquals("", r.out(), "nothing measured, nothing printed");
  }

  @Test
  void phaseRefusesAnUnwritableReportsFolderBeforeTheMatrix() throws Exception {
    Path file = Files.writeString(tmp.resolve("reports"), "x");
    Cli.Result r = Cli.small("phase", "--concurrency", "1", "--files", "5", "--no-scenario",
        "--data-dir", tmp.resolve("data").toString(), "--out", file.toString())
        .assertCode(ExitCode.FAILED);
    assertEquals("benchbook: I/O error: reports folder " + file + ": cannot write there: "
        + file + " exists and is not a folder", r.firstErrLine());
    assertFalse(r.out().contains("Wrote"), r::describe);
  }
}
