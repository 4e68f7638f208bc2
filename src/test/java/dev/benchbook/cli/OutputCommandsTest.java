package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.catalog.CatalogFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands' output: tables fitted to the terminal, {@code --wide} and
 * {@code --format vertical}; comparisons naming both sides and showing every mitigation;
 * {@code query} statements from a file, from standard input and starting with a comment;
 * one-line errors.
 */
class OutputCommandsTest {

  static final String THREE = "data/results-mitigation-20261129-131850.json";
  static final String WIDE_SQL = "SELECT * FROM configs";

  @AfterEach
  void restore() {
    OutputOptions.environment = System.getenv();
    QueryCommand.stdin = System.in;
  }

  private static Cli.Result query(String... args) {
    return Cli.run(Stream.concat(Stream.of("query", "--data-dir",
        CatalogFixture.sharedDataDir().toString()), Stream.of(args)).toArray(String[]::new));
  }

  private static void columns(int width) {
    OutputOptions.environment = Map.of("COLUMNS", Integer.toString(width));
  }

  /** Every table line (those with column gaps) and footer fits; sentences may be longer. */
  private static void assertFits(String text, int width) {
    text.lines().filter(l -> l.contains("  ") || l.startsWith("...")).forEach(l -> assertTrue(
        l.length() <= width, () -> l.length() + " > " + width + ": " + l + "\nin\n" + text));
  }

  @Test
  void aWideQueryFitsTheTerminalAndNamesWhatItLeftOut() {
    columns(80);
    String text = query(WIDE_SQL).assertCode(0).out();
    assertFits(text, 80);
    assertTrue(text.contains("more columns: "), text);
    assertTrue(text.contains("--wide shows all, --format vertical one record per block"), text);
    String wide = query(WIDE_SQL, "--wide").assertCode(0).out();
    assertFalse(wide.contains("more columns"), wide);
    assertTrue(wide.lines().anyMatch(l -> l.length() > 80), "--wide shows every column");
    String vertical = query(WIDE_SQL, "--format", "vertical").assertCode(0).out();
    assertTrue(vertical.startsWith("-[ 1 ]"), vertical);
    assertTrue(vertical.contains("\nconfig ") && vertical.contains("\nstrategy "), vertical);
  }

  /**
   * Golden files of real commands on the committed data at 80, 120 and 200 columns: the
   * three-mitigation comparison (summary, then each) and the stats of a matrix's raw rows.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {80, 120, 200})
  void realCommandsFitEachWidthAsTheGoldenFilesShow(int width) throws Exception {
    columns(width);
    String compare = Cli.run("compare", THREE).assertCode(0).out();
    assertFits(compare, width);
    assertGolden("cli-compare-" + width + ".txt", compare);
    String stats = Cli.run("stats", "data/results-20261129-131740.rows.csv.gz").assertCode(0)
        .out();
    assertFits(stats, width);
    assertGolden("cli-stats-" + width + ".txt", stats);
  }

  private static void assertGolden(String name, String actual) throws java.io.IOException {
    Path file = Path.of("src/test/resources/golden/format").resolve(name);
    if (Boolean.getBoolean("benchbook.updateGoldens")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name
        + " (regenerate: -Dbenchbook.updateGoldens=true)");
  }

  @Test
  void machineFormatsAreNeverCut() {
    columns(40);
    String csv = query(WIDE_SQL, "--format", "csv").assertCode(0).out();
    String header = csv.lines().findFirst().orElseThrow();
    assertTrue(header.length() > 40 && header.contains("strategy"), header);
    assertFalse(csv.contains("..."), csv);
  }

  @Test
  void aStatementComesFromAFileFromStandardInputOrStartsWithAComment(@TempDir Path tmp)
      throws Exception {
    String sql = "-- Q1: how many runs of each kind\nSELECT kind, count(*) AS n FROM runs "
        + "GROUP BY kind ORDER BY kind";
    String expected = query("--format", "csv", "SELECT kind, count(*) AS n FROM runs GROUP BY "
        + "kind ORDER BY kind").assertCode(0).out();
    assertTrue(expected.startsWith("kind,n\r\n"), expected);
    assertEquals(expected, query("--format", "csv", sql).assertCode(0).out(), "a -- comment");
    assertEquals(expected, query(sql, "--format", "csv").assertCode(0).out(), "options after");
    Path file = tmp.resolve("q1.sql");
    Files.writeString(file, sql);
    assertEquals(expected, query("-f", file.toString(), "--format", "csv").assertCode(0).out());
    QueryCommand.stdin = stdin(sql);
    assertEquals(expected, query("--format", "csv", "-").assertCode(0).out(), "query -");
    QueryCommand.stdin = stdin(sql);
    assertEquals(expected, query("-f", "-", "--format", "csv").assertCode(0).out(), "-f -");
    query("-f", tmp.resolve("nope.sql").toString()).assertCode(3)
        .assertOneErrorLine("nope.sql: no such file");
    query("-f", file.toString(), "SELECT 1").assertCode(2)
        .assertOneErrorLine("not several");
  }

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void compareOnAFileWithThreeMitigationsShowsEveryOneNamingBothSides() throws Exception {
    columns(80);
    Cli.Result r = Cli.run("compare", THREE).assertCode(0);
    String out = r.out();
    assertFits(out, 80);
    assertTrue(out.startsWith("Every mitigation against baseline c16-fast-hold1 (verdicts on "
        + "P95 lock_wait)\n"), out);
    assertTrue(out.lines().anyMatch(l -> l.matches(
        "c16-fast-hold1-writer-queue +53\\.61 -> 10\\.20 ms +1\\.70x +improved")), "the "
        + "winner's numbers and verdict fit 80 columns:\n" + out);
    for (String m : List.of("shared-connection", "writer-queue", "backoff")) {
      assertTrue(out.contains("\nc16-fast-hold1-" + m + "  "), m + " in the summary:\n" + out);
      assertTrue(out.contains("Baseline c16-fast-hold1 vs mitigation c16-fast-hold1-" + m
          + " (run results-mitigation-20261129-131850)"), m + " named:\n" + out);
    }
    String md = Cli.run("compare", THREE, "--format", "markdown").assertCode(0).out();
    assertEquals(3, md.lines().filter(l -> l.startsWith("| Segment | Baseline P95 |")).count(),
        md);
    com.fasterxml.jackson.databind.JsonNode json = dev.benchbook.results.Json.MAPPER.readTree(
        Cli.run("compare", THREE, "--format", "json").assertCode(0).out());
    assertTrue(json.isArray() && json.size() == 3, "one JSON document, an array: " + json);
    assertEquals("c16-fast-hold1-backoff", json.get(2).get("mitigation_config").asText());
    List<String> csv = Cli.run("compare", THREE, "--format", "csv").assertCode(0).out().lines()
        .toList();
    assertTrue(csv.get(0).startsWith("baseline_config,mitigation_config,row,statistic,"),
        csv.get(0));
    assertEquals(1, csv.stream().filter(l -> l.contains("statistic")).count(), "one header");
    assertEquals(3 * 6, csv.size() - 1, "5 segments + throughput per mitigation");
    assertTrue(csv.get(csv.size() - 1).startsWith("c16-fast-hold1,c16-fast-hold1-backoff,"
        + "transitions_per_s,"), csv.get(csv.size() - 1));
    String one = Cli.run("compare", THREE, "--mitigation-config",
        "c16-fast-hold1-writer-queue").assertCode(0).out();
    assertFalse(one.contains("Every mitigation") || one.contains("backoff"), one);
  }

  @Test
  void twoRunsAreAAndBWithALegendNamingEachRun() {
    Cli.Result r = Cli.run("compare", "data/results-20261126-211822.json",
        "data/results-20261129-131740.json", "--baseline-config", "c10-fast",
        "--mitigation-config", "c10-fast").assertCode(0);
    assertTrue(r.out().startsWith("A: c10-fast of run results-20261126-211822; B: c10-fast of "
        + "run results-20261129-131740\n"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("Segment +A P95 +B P95 +Delta")),
        r.out());
    assertTrue(r.out().contains("trans/s (B) vs "), r.out());
    String every = Cli.run("compare", "data/results-20261126-211822.json",
        "data/results-20261129-131740.json").assertCode(0).out();
    assertTrue(every.startsWith("Every shared config, A = results-20261126-211822 vs B = "
        + "results-20261129-131740 (verdicts on P95 lock_wait)\nConfig "), every);
    assertTrue(every.lines().anyMatch(l -> l.matches("c10-fast +1\\.23 -> 1\\.12 ms .*")),
        every);
    assertEquals(6, every.lines().filter(l -> l.startsWith("A: ")).count(), every);
  }

  @Test
  void badFlagsAreOneLineWithoutTheUsage() {
    Cli.Result r = Cli.run("compare", THREE, "--format", "xml").assertCode(2);
    r.assertOneErrorLine("Invalid value for option '--format': expected one of table, "
        + "vertical, markdown, csv, json, html; got 'xml'", "(benchbook compare --help)");
    Cli.Result p = Cli.run("notebook", "run", "notebooks/seed-phase-14.ipynb", "-p", "files")
        .assertCode(2);
    p.assertOneErrorLine("-p files: expected NAME=VALUE");
    assertFalse(p.err().contains("option option"), p.err());
  }

  /**
   * Issue 16/21: {@code --format} is one enum on every command (the same type, converter and
   * values), and every command that takes it takes {@code --wide}; the commands that print
   * tables all have them; a format option under another name is an enum too.
   */
  @Test
  void formatIsOneEnumOnEveryCommand() {
    java.util.Map<String, picocli.CommandLine> all = new java.util.TreeMap<>();
    collect(new picocli.CommandLine(new Main()), all);
    java.util.Set<String> withFormat = new java.util.TreeSet<>();
    all.forEach((name, cmd) -> {
      picocli.CommandLine.Model.OptionSpec format = cmd.getCommandSpec().findOption("--format");
      if (format != null) {
        withFormat.add(name);
        assertEquals(dev.benchbook.format.Format.class, format.type(), name);
        assertTrue(cmd.getCommandSpec().findOption("--wide") != null, name + " has --wide");
      }
      picocli.CommandLine.Model.OptionSpec to = cmd.getCommandSpec().findOption("--to");
      if (to != null) {
        assertTrue(to.type().isEnum(), name + " --to is an enum");
      }
    });
    assertTrue(withFormat.containsAll(List.of("calibrate", "compare", "mitigate", "phase",
        "query", "run", "stats", "sweep")), withFormat.toString());
    for (String command : withFormat) {
      List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--format", "xml"));
      Cli.run(args.toArray(String[]::new)).assertCode(2).assertOneErrorLine(
          "Invalid value for option '--format': expected one of table, vertical, markdown, "
          + "csv, json, html; got 'xml'");
    }
  }

  private static void collect(picocli.CommandLine cmd, java.util.Map<String,
      picocli.CommandLine> into) {
    cmd.getSubcommands().forEach((name, sub) -> {
      String full = cmd.getParent() == null ? name : cmd.getCommandName() + " " + name;
      if (!name.equals("help")) {
        into.put(full, sub);
        collect(sub, into);
      }
    });
  }

  @Test
  void theProgressBarSaysWhatItsRateCounts() {
    assertEquals(" | last pass 10,925 tx/s", ProgressBarListener.rate(10_925, 1_000_000_000L));
    assertEquals("", ProgressBarListener.rate(0, 5), "nothing to time");
  }
}
