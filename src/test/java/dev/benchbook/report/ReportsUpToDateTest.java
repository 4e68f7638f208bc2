package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.LoadReport;
import dev.benchbook.results.ResultsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code reports/} is what {@code ./benchbook report --all} makes from its
 * {@code data/}: Markdown and chart CSVs byte for byte, and no report missing on either side.
 * PNG and SVG bytes are not compared (they differ across JDKs), only their presence.
 *
 * <p>Regenerates into a temporary copy of the repository layout ({@code tmp/data},
 * {@code tmp/reports}), because report pages link their sources relative to the report folder
 * ({@code ../../data/...}): writing elsewhere would change those links.
 */
class ReportsUpToDateTest {

  static final Path DATA = Path.of("data");
  static final Path REPORTS = Path.of("reports");
  static final String HOW_TO_FIX = "run ./benchbook report --all and commit reports/";

  @Test
  void committedReportsMatchTheData(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(Files.exists(REPORTS.resolve("README.md")),
        "reports/README.md does not exist yet: " + HOW_TO_FIX);
    Path data = tmp.resolve("data");
    Path regenerated = tmp.resolve("reports");
    copyTree(DATA, data);
    LoadReport loaded = ResultsReader.load(data);
    assertTrue(loaded.ok(), () -> "data/ has bad results files:\n"
        + String.join("\n", loaded.problemLines()));
    new ReportWriter(data, regenerated).writeAll(loaded.runs());

    Set<String> expected = ReportFiles.files(regenerated, "md", "csv", "png", "svg");
    Set<String> committed = ReportFiles.files(REPORTS, "md", "csv", "png", "svg");
    assertEquals(Set.of(), minus(expected, committed), "missing from reports/; " + HOW_TO_FIX);
    assertEquals(Set.of(), minus(committed, expected),
        "in reports/ but not made from data/; " + HOW_TO_FIX);
    List<String> stale = new ArrayList<>();
    for (String f : ReportFiles.files(REPORTS, "md", "csv")) {
      if (Files.mismatch(REPORTS.resolve(f), regenerated.resolve(f)) != -1) {
        stale.add(f);
      }
    }
    assertEquals(List.of(), stale, "stale reports; " + HOW_TO_FIX);
  }

  @Test
  void regeneratingIntoACopyOfTheLayoutKeepsTheSourceLinks(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    copyTree(DATA, data);
    Path readme = new ReportWriter(data, tmp.resolve("reports")).write(
        ResultsReader.read(data.resolve(
            "seed-phase-14/results-mitigation-20260222-114707.json")));
    assertEquals(tmp.resolve("reports/seed-phase-14-results-mitigation-20260222-114707"
        + "/README.md").toAbsolutePath(), readme);
    List<String> links = ReportFiles.relativeLinks(readme);
    assertTrue(links.contains("../../data/seed-phase-14/results-mitigation-20260222-114707.json"),
        links::toString);
    assertEquals(List.of(), ReportFiles.brokenLinks(readme));
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
