package dev.benchbook.report;

import dev.benchbook.SeedFigures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.cli.Cli;
import dev.benchbook.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchbook report}: the seed's report and a small mitigation run's report, regenerated
 * twice, are byte-identical; the Markdown mirrors the seed and its links resolve.
 */
class ReportRegenerationTest {

  static final Path SEED = SeedFigures.FILE;
  static final String SEED_REPORT = "seed-phase-14-results-mitigation-20260222-114707";
  static final List<String> SEED_ROWS = SeedFigures.TABLE;

  @TempDir
  static Path root;

  static Path mitigation;
  static Path first;
  static Path second;

  @BeforeAll
  static void mitigationRunAndTwoReports() throws Exception {
    Path data = root.resolve("data");
    Cli.small("mitigate", "--strategy", "shared-connection", "--concurrency", "2", "--files",
        "30", "--reps", "3", "--data-dir", data.toString()).assertCode(ExitCode.OK);
    mitigation = Cli.only(data, ".json");
    first = report("first");
    second = report("second");
  }

  static Path report(String folder) {
    Path out = root.resolve(folder);
    Cli.Result r = Cli.run("report", SEED.toString(), mitigation.toString(), "--out",
        out.toString()).assertCode(ExitCode.OK);
    assertEquals("", r.err());
    return out;
  }

  @Test
  void regeneratedMarkdownCsvPngAndSvgAreByteIdentical() throws Exception {
    Set<String> files = ReportFiles.files(first, "md", "csv", "png", "svg");
    assertEquals(files, ReportFiles.files(second, "md", "csv", "png", "svg"));
    assertTrue(files.contains(SEED_REPORT + "/README.md"), files::toString);
    assertTrue(files.contains(mitigationReport() + "/README.md"), files::toString);
    assertTrue(files.stream().anyMatch(f -> f.endsWith(".csv")), "charts export their data");
    assertTrue(files.stream().anyMatch(f -> f.endsWith(".png")), "charts export PNGs");
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(first.resolve(f)),
          Files.readAllBytes(second.resolve(f)), f + " differs between two regenerations");
    }
  }

  @Test
  void seedReportMirrorsTheSeedTable() throws Exception {
    String md = Files.readString(first.resolve(SEED_REPORT).resolve("README.md"));
    assertTrue(md.startsWith("# Phase report: "), md);
    assertTrue(md.contains("## Benchmark Results: Before vs After\n\n"
        + "Baseline **c10-zero** vs mitigation **c10-zero-shared-connection**\n\n"
        + String.join("\n", SEED_ROWS) + "\n"), md);
    assertTrue(md.contains("\n28,638 trans/s vs 3,287 baseline -- 8.7x\n"), md);
    assertTrue(md.contains("**Key insight:** lock_wait is 99% of db_total"), md);
    assertTrue(md.contains("Reconstructed from a published summary"), md);
    assertFalse(md.contains("## Charts"), "no charts without raw rows");
  }

  @Test
  void mitigationReportHasTheTableChartsAndSources() throws Exception {
    String md = Files.readString(first.resolve(mitigationReport()).resolve("README.md"));
    assertTrue(md.contains("## Benchmark Results: Before vs After\n\nBaseline **"), md);
    assertTrue(md.contains("**\n\n" + SEED_ROWS.get(0)), "the sides named above the table");
    assertTrue(md.contains(" trans/s vs "), md);
    assertTrue(md.contains("## Charts"), md);
    assertTrue(md.contains("](" + "p95-before-after"), md);
    assertTrue(md.contains("## Sources"), md);
    assertTrue(md.contains("[" + mitigation.getFileName() + "]("), md);
  }

  @Test
  void everyLinkResolvesRelativeToTheReportFolder() throws Exception {
    for (String page : ReportFiles.files(first, "md")) {
      Path md = first.resolve(page);
      assertFalse(ReportFiles.relativeLinks(md).isEmpty(), page + " has links");
      assertEquals(List.of(), ReportFiles.brokenLinks(md), "broken links in " + page);
    }
  }

  @Test
  void allWritesAnIndexWhoseLinksResolve(@TempDir Path out) throws Exception {
    Cli.Result r = Cli.run("report", "--all", "--data-dir", mitigation.getParent().toString(),
        "--out", out.toString()).assertCode(ExitCode.OK);
    Path index = out.resolve("README.md");
    assertTrue(Files.exists(index), r::describe);
    String md = Files.readString(index);
    assertTrue(md.contains("[" + mitigationReport() + "](" + mitigationReport() + "/README.md)"),
        md);
    assertEquals(List.of(), ReportFiles.brokenLinks(index));
  }

  @Test
  void allReportsTheGoodFilesAndExitsThreeForABadOne(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.copy(SEED, data.resolve(SEED.getFileName()));
    Path bad = data.resolve("results-20260101-000000.json");
    Files.writeString(bad, "{\"schema_version\": 1}\n");
    Path out = dir.resolve("reports");
    Cli.Result r = Cli.run("report", "--all", "--data-dir", data.toString(), "--out",
        out.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace();
    assertTrue(r.errLines().stream().allMatch(l -> l.startsWith("benchbook: " + bad)),
        r::describe);
    assertTrue(Files.exists(out.resolve(SEED.getFileName().toString().replace(".json", ""))
        .resolve("README.md")), r::describe);
  }

  @Test
  void neitherFilesNorAllIsAUsageError(@TempDir Path out) throws Exception {
    Cli.run("report", "--out", out.toString()).assertCode(ExitCode.USAGE).assertNoStackTrace()
        .assertOneErrorLine("--all");
    Cli.run("report", SEED.toString(), "--all", "--out", out.toString())
        .assertCode(ExitCode.USAGE).assertOneErrorLine("--all");
    assertEquals(List.of(), Cli.names(out));
  }

  @Test
  void missingResultsFileIsBadInput(@TempDir Path out) throws Exception {
    Path missing = out.resolve("results-missing.json");
    Cli.run("report", missing.toString(), "--out", out.resolve("reports").toString())
        .assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(missing.toString());
  }

  private static String mitigationReport() {
    String name = mitigation.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }
}
