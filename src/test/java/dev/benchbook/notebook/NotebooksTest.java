package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.SeedFigures;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.api.Benchbook;
import dev.benchbook.report.ComparisonTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook under {@code notebooks/} runs headless against the committed data: no error
 * outputs, a PNG for every chart cell, the key numbers right, valid nbformat 4, the committed
 * {@code reports/notebooks/} up to date and the generated {@code .jsh} scripts in step.
 */
class NotebooksTest {

  static final Path NOTEBOOKS = Path.of("notebooks");
  static final Path COMMITTED = Path.of("reports", "notebooks");
  static final String HOW_TO_FIX = "run ./benchbook notebook run --all (and notebook export "
      + "--all) and commit reports/notebooks/ and notebooks/";
  private static final Map<String, ObjectNode> RUN = new LinkedHashMap<>();
  /** Per notebook: each cell result's value by execution count. */
  private static final Map<String, Map<Integer, Object>> VALUES = new LinkedHashMap<>();

  @BeforeAll
  static void runEveryNotebook() throws IOException {
    for (Path nb : notebooks()) {
      Map<Integer, Object> values = new LinkedHashMap<>();
      VALUES.put(name(nb), values);
      NotebookRunner.Result r = NotebookRunner.run(NotebookJson.read(nb), Map.of(),
          EvaluatorOptions.defaults().withCellTimeout(Duration.ofMinutes(2)), line -> { },
          values::put, NotebookRunner.Settings.of(nb));
      assertTrue(r.ok(), () -> nb + ": " + r.failure().get().summary());
      RUN.put(name(nb), r.notebook());
    }
  }

  @Test
  void theCommittedOutputsAreUpToDate() throws IOException {
    assertEquals(new TreeSet<>(RUN.keySet()), committedNames(), HOW_TO_FIX);
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : RUN.entrySet()) {
      String fresh = withoutPngs(new String(NotebookJson.bytes(e.getValue()),
          StandardCharsets.UTF_8));
      String committed = withoutPngs(Files.readString(COMMITTED.resolve(e.getKey() + ".ipynb")));
      if (!fresh.equals(committed)) {
        stale.add(e.getKey());
      }
    }
    assertEquals(List.of(), stale, "stale notebooks; " + HOW_TO_FIX);
  }

  /**
   * Under IJava (its display machinery: jupyter-jvm-basekernel's {@code Renderer} with the rules
   * the first cell registers) every cell's result shows as under benchbook's own kernel.
   */
  @Test
  void everyResultRendersUnderIJavasRendererAsHere() {
    var renderer = IJavaRenderingTest.ijavaRenderer();
    int rich = 0;
    for (Map.Entry<String, ObjectNode> e : RUN.entrySet()) {
      for (JsonNode cell : codeCells(e.getValue())) {
        for (JsonNode out : cell.get("outputs")) {
          if (!out.path("output_type").asText().equals("execute_result")) {
            continue;
          }
          String where = e.getKey() + ", execution " + cell.get("execution_count");
          Object value = VALUES.get(e.getKey()).get(cell.get("execution_count").asInt());
          Map<String, String> ours = Display.of(value).data();
          Map<String, String> underIJava = IJavaRenderingTest.bundle(renderer.render(value));
          assertEquals(new TreeSet<>(ours.keySet()), new TreeSet<>(underIJava.keySet()), where);
          for (String mime : List.of("text/html", "text/markdown", "text/plain")) {
            assertEquals(ours.get(mime), underIJava.get(mime), where + " " + mime);
          }
          rich += ours.size() > 1 ? 1 : 0;
        }
      }
    }
    assertTrue(rich >= 10, "rich results (charts, tables, comparisons): " + rich);
  }

  @Test
  void noErrorsAndAPngForEveryChartCell() {
    RUN.forEach((name, nb) -> {
      for (JsonNode cell : codeCells(nb)) {
        String src = NotebookJson.source(cell);
        for (JsonNode out : cell.get("outputs")) {
          assertFalse(out.get("output_type").asText().equals("error"), () -> name + ": " + out);
          assertFalse(out.path("name").asText().equals("stderr"), () -> name + ": " + out);
        }
        boolean setup = src.startsWith("%jars ");
        if (!setup && (src.toLowerCase(java.util.Locale.ROOT).contains("chart")
            || src.contains("spectrum("))) {
          assertTrue(pngs(cell) >= 1, () -> name + ": no PNG for\n" + src);
        }
      }
      assertTrue(codeCells(nb).stream().allMatch(c -> c.get("execution_count").isInt()), name);
    });
  }

  @Test
  void theSeedNotebookShowsTheSeedsTableAndRatioAndNoVerdict() {
    String text = texts(RUN.get("seed-phase-14"));
    SeedFigures.ROWS.forEach(row -> assertTrue(text.contains(row), row));
    assertTrue(text.contains("c10-zero-shared-connection / c10-zero: 8.7x"), text);
    String intervals = Benchbook.compare(Benchbook.load(SeedFigures.FILE.toString()))
        .intervals();
    assertTrue(intervals.startsWith("no intervals"), intervals);
    assertTrue(text.contains(intervals), text);
  }

  @Test
  void thePhaseNotebookShowsTheNewestRunsComparisonAsTheReportComputesIt() {
    var run = Benchbook.newest("data", "mitigation").orElseThrow();
    var first = Benchbook.mitigations(run).get(0).id();
    String expected = ComparisonTable.markdown(Benchbook.compare(run,
        Benchbook.baseline(run).id(), first));
    String text = texts(RUN.get("phase-analysis"));
    assertTrue(text.contains(expected), () -> expected + "\nnot in\n" + text);
    assertTrue(text.contains(run.name() + ": " + Benchbook.baseline(run).id() + " against "
        + first), text);
    var reps = Benchbook.baseline(run).repetitions();
    long forks = reps.stream().map(r -> r.fork()).filter(java.util.Optional::isPresent)
        .distinct().count();
    String counted = "(" + reps.size() + (reps.size() == 1 ? " repetition" : " repetitions")
        + (forks > 1 ? " in " + forks + " forks" : "") + ")";
    assertTrue(text.contains(first + " " + counted), () -> counted + " not in\n" + text);
    String method = Benchbook.compare(run, Benchbook.baseline(run).id(), first).segments()
        .get(0).deltaCiMs().orElseThrow().method();
    assertTrue(method.startsWith("hierarchical-bootstrap-t/"), method);
    String markdown = markdown(RUN.get("phase-analysis"));
    assertTrue(markdown.contains("hierarchical bootstrap-t") && !markdown.contains("percentile"
        + "-bootstrap"), "the notebook names the method the intervals use: " + method);
  }

  private static String markdown(JsonNode nb) {
    StringBuilder s = new StringBuilder();
    nb.get("cells").forEach(c -> {
      if (c.get("cell_type").asText().equals("markdown")) {
        s.append(NotebookJson.source(c)).append('\n');
      }
    });
    return s.toString().replace("\n", " ");
  }

  @Test
  void theContentionNotebookShowsKneesStarvationAndTheStrategies() {
    var sweep = Benchbook.load("data/contention/results-20261126-210804.json");
    String text = texts(RUN.get("contention"));
    Map<String, String> knees = Sweeps.knees(Benchbook.sweepPoints(sweep));
    assertEquals(4, knees.size(), knees.toString());
    knees.forEach((strategy, knee) -> assertTrue(java.util.regex.Pattern.compile("(?m)^"
        + strategy + " +" + knee + "$").matcher(text).find(), "knee table row " + strategy));
    assertTrue(text.contains("c16-fast: committed transitions per worker; rep 0: min 8, max 188"),
        text);
    assertEquals(3, text.split("\\| Segment \\| Baseline P95", -1).length - 1,
        "one comparison per strategy as markdown");
    assertEquals(3, text.split("\nSegment +Baseline P95 +Mitigation P95", -1).length - 1,
        "one comparison per strategy as plain text fitted to the notebook's width");
  }

  @Test
  void theRunsExplorerListsEveryRunAndTheWinners() {
    String text = texts(RUN.get("runs-explorer"));
    for (var run : Benchbook.loadAll("data")) {
      assertTrue(text.contains(run.name()), run.name());
    }
    var point = Benchbook.load("data/contention/results-mitigation-20261126-210911.json");
    var winner = dev.benchbook.analysis.Winner.of(point.run().allComparisons(),
        point.run()::config).orElseThrow();
    assertTrue(java.util.regex.Pattern.compile("results-mitigation-20261126-210911 +"
        + "writer-queue +" + winner.comparison().mitigationConfig() + " +won").matcher(text)
        .find(), "the notebook's winner is the rule's (" + winner.comparison().mitigationConfig()
        + "):\n" + text);
    assertTrue(text.contains("results-mitigation-20260222-114707 ") && text.contains(
        "not judged"), text);
    var work = Benchbook.perWorker(point, "c16-fast");
    long worker10 = (long) work.where(work.intColumn("worker").isEqualTo(10))
        .longColumn("transitions").sum();
    assertTrue(java.util.regex.Pattern.compile("(?m)^ +10 +" + worker10 + "$").matcher(text)
        .find(), "SQL count of worker 10 "
        + "equals the facade's (" + worker10 + "):\n" + text);
  }

  @Test
  void theOutputsAreValidNbformat4(@TempDir Path tmp) throws Exception {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : RUN.entrySet()) {
      Path f = tmp.resolve(e.getKey() + ".ipynb");
      NotebookJson.write(e.getValue(), f);
      files.add(f);
    }
    NbformatValidator.assertValid(files);
  }

  @Test
  void theScriptsAreGeneratedFromTheNotebooksAndStartupMatchesTheDefaultImports()
      throws IOException {
    for (Path nb : notebooks()) {
      Path jsh = NOTEBOOKS.resolve(name(nb) + ".jsh");
      assertEquals(ScriptExport.jsh(NotebookJson.read(nb), nb), Files.readString(jsh),
          jsh + " is not what notebook export makes; " + HOW_TO_FIX);
    }
    List<String> imports = Files.readAllLines(NOTEBOOKS.resolve("startup.jsh")).stream()
        .filter(l -> l.startsWith("import ")).toList();
    assertEquals(DefaultImports.IMPORTS, imports);
  }

  /**
   * Every notebook starts (first code cell) with the same setup cell, which works in both Java
   * kernels: IJava's {@code %jars} of benchbook's jar from {@code notebooks/} or the repo
   * (skipped by benchbook's own kernel, which has it), the session imports and
   * {@code KernelRenderers.install()}. It shows nothing here.
   */
  @Test
  void everyNotebookStartsWithTheSetupCellForBothKernels() throws IOException {
    String setup = String.join("\n", List.of("%jars ../target/benchbook.jar target/benchbook.jar",
        "// Any Java kernel: benchbook's jar (for IJava, from notebooks/ or the repo; benchbook's"
            + " kernel",
        "// has it already), the session's imports, and benchbook's display rules (charts as "
            + "images,",
        "// tables as HTML, comparisons as Markdown) registered with the kernel.",
        String.join("\n", DefaultImports.IMPORTS),
        "dev.benchbook.notebook.KernelRenderers.install();"));
    for (Path nb : notebooks()) {
      JsonNode first = codeCells(NotebookJson.read(nb)).get(0);
      assertEquals(setup, NotebookJson.source(first), nb + ": first code cell (the setup cell "
          + "lists DefaultImports.IMPORTS; after changing them, update every notebook's)");
    }
    RUN.forEach((name, nb) -> assertEquals(0, codeCells(nb).get(0).get("outputs").size(),
        name + ": the setup cell shows nothing"));
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static TreeSet<String> committedNames() throws IOException {
    try (Stream<Path> s = Files.list(COMMITTED)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
          .map(n -> n.substring(0, n.length() - 6)).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String name(Path nb) {
    String n = nb.getFileName().toString();
    return n.substring(0, n.length() - ".ipynb".length());
  }

  /**
   * PNG bytes may differ across JDKs and fonts (as for reports), and the provenance names the
   * commit the notebooks were run at (a later commit changes nothing else): compare the rest.
   */
  static String withoutPngs(String json) {
    return json.replaceAll("\"image/png\": \"[A-Za-z0-9+/=]+\"", "\"image/png\": \"...\"")
        .replaceAll("\n *\"(commit|dirty)\": [^\n]*", "");
  }

  static List<JsonNode> codeCells(JsonNode nb) {
    List<JsonNode> out = new ArrayList<>();
    nb.get("cells").forEach(c -> {
      if (c.get("cell_type").asText().equals("code")) {
        out.add(c);
      }
    });
    return out;
  }

  private static long pngs(JsonNode cell) {
    long n = 0;
    for (JsonNode out : cell.get("outputs")) {
      if (out.path("data").has("image/png")) {
        n++;
      }
    }
    return n;
  }

  /** Every text output (streams, text/plain, text/markdown, text/html) joined. */
  static String texts(JsonNode nb) {
    StringBuilder s = new StringBuilder();
    for (JsonNode cell : codeCells(nb)) {
      for (JsonNode out : cell.get("outputs")) {
        if (out.has("text")) {
          s.append(NotebookJson.text(out.get("text"))).append('\n');
        }
        out.path("data").fields().forEachRemaining(e -> {
          if (e.getKey().startsWith("text/")) {
            s.append(NotebookJson.text(e.getValue())).append('\n');
          }
        });
      }
    }
    return s.toString();
  }
}
