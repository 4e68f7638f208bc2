package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.cli.Cli;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Json;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.rows.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook query}: named queries on the committed runs, formats, locales, errors. */
class QueryCommandTest {

  private static Cli.Result query(String... args) {
    String[] all = Stream.concat(Stream.of("query", "--data-dir",
        CatalogFixture.sharedDataDir().toString()), Stream.of(args)).toArray(String[]::new);
    return Cli.run(all);
  }

  private static LoadedRun run(String name) {
    return ResultsReader.load(CatalogFixture.sharedDataDir()).runs().stream()
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void p95TrendOfOneConfigGivesEachRunsStoredP95OldestFirst() {
    Cli.Result r = query("--named", "p95-trend", "--param", "segment=lock_wait_ms", "--param",
        "config=c10-zero", "--param", "strategy=", "--param", "concurrency=", "--format", "csv");
    r.assertCode(0);
    double matrix = run("results-20261126-211822").run().config("c10-zero").orElseThrow()
        .segment(Segment.LOCK_WAIT).p95();
    assertEquals(List.of("created_at,run,config,p95_ms,count",
        "2026-02-22T11:45:52.000Z,results-mitigation-20260222-114707,c10-zero,40.65,",
        "2026-11-26T21:17:12.166Z,results-20261126-211822,c10-zero," + matrix + ",3272"),
        r.out().lines().toList());
  }

  @Test
  void bestStrategyNamesTheWinnerOfTheOneRuleAsTheReportsDo() {
    Cli.Result r = query("--named", "best-strategy", "--param", "include_none=1", "--format",
        "csv");
    r.assertCode(0);
    List<String[]> rows = r.out().lines().skip(1).map(l -> l.split(",")).toList();
    assertEquals(List.of("results-mitigation-20260222-114707",
        "results-mitigation-20261126-210911", "results-mitigation-20261126-211850"),
        rows.stream().map(f -> f[1]).toList());
    for (String[] row : rows) {
      LoadedRun loaded = run(row[1]);
      var standing = dev.benchbook.analysis.Winner.ranked(loaded.run().allComparisons(),
          loaded.run()::config).get(0);
      assertEquals(standing.comparison().mitigationConfig(), row[3], row[1]);
      assertEquals(standing.outcome().label(), row[4], row[1]);
    }
    assertEquals(List.of("not judged", "won", "won"), rows.stream().map(f -> f[4]).toList());
    Cli.Result winners = query("--named", "best-strategy", "--format", "csv");
    assertEquals(List.of("writer-queue", "backoff"), winners.out().lines().skip(1)
        .map(l -> l.split(",")[2]).toList());
  }

  @Test
  void workerShareOfTheNewestMitigationBaselineSumsToItsTransitions() throws Exception {
    Cli.Result r = query("--named", "worker-share", "--format", "json");
    r.assertCode(0);
    JsonNode rows = Json.MAPPER.readTree(r.out());
    ConfigResult baseline = run("results-mitigation-20261126-211850").run().baseline()
        .orElseThrow();
    int reps = baseline.repetitions().size();
    assertEquals(baseline.concurrency() * reps, rows.size(), "every worker of every rep");
    long total = 0;
    double share = 0;
    for (JsonNode row : rows) {
      assertEquals(baseline.id(), row.get("config").asText());
      total += row.get("transitions").asLong();
      share += row.get("share_pct").asDouble();
    }
    assertEquals(baseline.transitions(), total);
    assertEquals(100.0 * reps, share, 0.05 * reps);
  }

  @Test
  void syncOrHoldListsTheContentionRuns() {
    Cli.Result r = query("--named", "sync-or-hold", "--format", "csv");
    r.assertCode(0);
    assertEquals(List.of("results-20261126-210527", "results-20261126-210804",
        "results-mitigation-20261126-210911"),
        r.out().lines().skip(1).map(l -> l.split(",")[1]).toList());
  }

  @Test
  void p95FromRowsEqualsTheStoredP95OfEveryConfig() {
    Cli.Result r = query("--named", "p95-from-rows", "--param", "run=results-20261126-211822",
        "--format", "csv");
    r.assertCode(0);
    List<String> lines = r.out().lines().skip(1).toList();
    assertEquals(6, lines.size());
    for (String line : lines) {
      String[] f = line.split(",");
      assertEquals(Double.parseDouble(f[4]), Double.parseDouble(f[3]), 1e-9, line);
    }
  }

  @Test
  void listShowsEveryNamedQueryWithItsDescriptionAndParameters() {
    Cli.Result r = query("--list");
    r.assertCode(0);
    for (NamedQuery q : NamedQueries.all()) {
      assertTrue(r.out().contains(q.name() + ": " + q.description()), q.name());
    }
    assertTrue(r.out().contains("--param segment (default: lock_wait_ms; one of db_total_ms, "
        + "lock_wait_ms, fsm_dispatch_ms, fsm_net_ms, api_ms): segment key"), r.out());
    assertTrue(r.out().contains("--param last (default: 20; an integer >= 1): how many"),
        r.out());
    assertTrue(r.out().contains("--param config (default: empty): config id"), r.out());
  }

  @Test
  void theShippedQueryFilesAreExactlyTheListedNames() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("src/main/resources/queries"))) {
      assertEquals(NamedQueries.NAMES.stream().sorted().toList(), s.map(p -> p.getFileName()
          .toString().replaceAll("\\.sql$", "")).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void unknownNamesAndParametersAreOneLine() {
    query("--named", "nope").assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("no named query 'nope'", "p95-trend");
    query("--named", "p95-trnd").assertCode(2)
        .assertOneErrorLine("no named query 'p95-trnd'", "did you mean p95-trend?");
    query("--named", "runs", "--param", "x=1").assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("query runs has no parameter 'x'");
    query("--named", "p95-trend", "--param", "segmnt=db_total_ms").assertCode(2)
        .assertOneErrorLine("has no parameter 'segmnt'", "did you mean segment?");
    query("SELECT 1 AS one", "--param", "x=1").assertCode(2)
        .assertOneErrorLine("parameter 'x' is not used");
    query("SELECT * FROM runs WHERE name = :run").assertCode(2)
        .assertOneErrorLine("no value for parameter :run");
    query("SELECT nope FROM runs").assertCode(1).assertOneErrorLine("SQL error: no such column");
    query("--format", "xml", "SELECT 1").assertCode(2).assertNoStackTrace();
    query().assertCode(2).assertNoStackTrace();
  }

  @Test
  void namedQueryParametersAreCheckedAgainstTheTypesTheirHeaderDeclares() {
    query("--named", "p95-trend", "--param", "segment=nope").assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("--param segment=nope: expected one of db_total_ms, lock_wait_ms, "
            + "fsm_dispatch_ms, fsm_net_ms, api_ms, found 'nope' (query p95-trend)");
    query("--named", "p95-trend", "--param", "segment=lock_wait").assertCode(2)
        .assertOneErrorLine("found 'lock_wait'; did you mean lock_wait_ms?");
    query("--named", "p95-trend", "--param", "last=abc").assertCode(2)
        .assertOneErrorLine("--param last=abc: expected an integer >= 1, found 'abc'");
    query("--named", "p95-trend", "--param", "last=-1").assertCode(2)
        .assertOneErrorLine("--param last=-1: expected an integer >= 1, found -1");
    query("--named", "p95-trend", "--param", "last=3", "--param", "last=5").assertCode(2)
        .assertOneErrorLine("--param last given twice ('3' and '5')");
    query("--named", "p95-trend", "--param", "segment=a\"b").assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("--param segment=a\"b: expected one of");
    query("--named", "sync-or-hold", "--param", "hold_ms=1.5x").assertCode(2)
        .assertOneErrorLine("expected a number >= 0");
    query("--named", "p95-trend", "--param", "concurrency=", "--param", "last=2",
        "--format", "csv").assertCode(0);
    query("--named", "worker-share", "--param", "role=", "--format", "csv").assertCode(0);
    query("--param", "noequals", "SELECT 1").assertCode(2)
        .assertOneErrorLine("--param noequals: expected NAME=VALUE");
  }

  @Test
  void everyShippedParameterDeclaresWhatItAcceptsAndItsDefaultFits() {
    for (NamedQuery q : NamedQueries.all()) {
      for (String p : q.params().keySet()) {
        assertTrue(q.types().get(p).problem(q.params().get(p)).isEmpty(), q.name() + " " + p);
        assertTrue(q.sql().contains("@param " + p + "=" + q.params().get(p) + " ("
            + q.types().get(p).declaration() + ")"), q.name() + " " + p + " declares no type");
      }
    }
    assertEquals(ParamType.Kind.CHOICE, NamedQueries.get("p95-trend").types().get("segment")
        .kind());
    assertEquals(ParamType.Kind.INT, NamedQueries.get("p95-trend").types().get("last").kind());
  }

  @Test
  void numbersPrintTheSameUnderACommaDecimalLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String sql = "SELECT 1234567.5 AS big, 0.000341 AS small, 40.65 AS p95, 3272 AS n";
      assertEquals(List.of("big,small,p95,n", "1234567.5,0.000341,40.65,3272"),
          query("--format", "csv", sql).out().lines().toList());
      String table = query(sql).out();
      assertTrue(table.contains("1234568  0.000341  40.65  3272"), table);
      String json = query("--format", "json", sql).out();
      assertTrue(json.contains("\"p95\" : 40.65"), json);
      String markdown = query("--format", "markdown", sql).out();
      assertTrue(markdown.contains("| 1234568 | 0.000341 | 40.65 | 3272 |"), markdown);
      assertFalse((table + json + markdown).contains("40,65"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aProcessStartedUnderAGermanLocalePrintsPointDecimals(@TempDir Path dir) throws Exception {
    String sql = "SELECT 1234567.5 AS big, 0.000341 AS small, 40.65 AS p95, 3272 AS n";
    List<String> german = List.of("-Duser.language=de", "-Duser.country=DE");
    String data = CatalogFixture.sharedDataDir().toString();
    Process csv = ChildJvm.start(dir, "csv", german, "query", "--data-dir", data, "--format",
        "csv", sql);
    Process table = ChildJvm.start(dir, "table", german, "query", "--data-dir", data, sql);
    assertEquals(0, csv.waitFor(), () -> read(dir, "csv.err"));
    assertEquals(0, table.waitFor(), () -> read(dir, "table.err"));
    assertEquals(List.of("big,small,p95,n", "1234567.5,0.000341,40.65,3272"),
        Files.readAllLines(dir.resolve("csv.out")));
    assertTrue(read(dir, "table.out").contains("1234568  0.000341  40.65  3272"),
        () -> read(dir, "table.out"));
  }

  private static String read(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void starvationListsEveryConfigWithStarvedWorkersLeastFairFirst() {
    Cli.Result r = query("--named", "starvation", "--format", "csv");
    r.assertCode(0);
    List<String> lines = r.out().lines().toList();
    assertEquals("run,config,workers,starved,min_per_worker,max_per_worker,jain", lines.get(0));
    List<String> expected = new java.util.ArrayList<>();
    java.util.Map<String, Double> jains = new java.util.HashMap<>();
    for (LoadedRun loaded : ResultsReader.load(CatalogFixture.sharedDataDir()).runsOrThrow()) {
      LoadedRun run = dev.benchbook.analysis.Fairness.fill(loaded.withRowsIfPresent());
      for (ConfigResult c : run.run().allConfigs()) {
        c.fairness().filter(f -> f.starvedWorkers() > 0).ifPresent(f -> {
          String key = run.name() + "," + c.id() + "," + f.workers() + "," + f.starvedWorkers()
              + "," + f.minPerWorker() + "," + f.maxPerWorker();
          expected.add(key);
          jains.put(key, f.jainIndex());
        });
      }
    }
    expected.sort(java.util.Comparator.comparing(jains::get));
    List<String> actual = lines.stream().skip(1)
        .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    assertEquals(expected, actual);
    assertEquals(7, actual.size(), "5 hold points of c10-zero, c16-fast baseline, c32-fast");
    for (String line : lines.subList(1, lines.size())) {
      String key = line.substring(0, line.lastIndexOf(','));
      assertEquals(jains.get(key), Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)),
          5e-5, line);
    }
    Cli.Result one = query("--named", "starvation", "--param",
        "run=results-mitigation-20261126-210911", "--format", "csv");
    one.assertCode(0);
    assertEquals(2, one.out().lines().count(), one.describe());
  }

  @Test
  void theDocumentedSchemaIsTheShippedOne() throws Exception {
    String doc = Files.readString(Path.of("docs/CATALOG.md"));
    assertTrue(doc.contains(CatalogDb.schemaText().strip()),
        "docs/CATALOG.md must quote src/main/resources/dev/benchbook/catalog/schema.sql");
  }
}
