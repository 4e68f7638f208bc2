package dev.benchbook.notebook;

import dev.benchbook.SeedFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every notebook the way a user would: {@code notebooks/startup.jsh} then each
 * {@code .jsh} script, and startup then the code cells of each {@code .ipynb}, in an in-process
 * JShell on the test class path. Fails on any rejected snippet or exception.
 */
class NotebooksRunTest {

  private static final Path DIR = Path.of("notebooks");
  private static final List<String> SEED_ROWS = SeedFigures.ROWS;

  @Test
  void seedScriptPrintsTheSeedTableAndRatio() throws IOException {
    String out = runScript("seed-phase-14.jsh");
    for (String row : SEED_ROWS) {
      assertEquals(1, out.lines().filter(row::equals).count(), () -> row + " once in:\n" + out);
    }
    assertTrue(out.contains("Throughput ratio (c10-zero-shared-connection / c10-zero): 8.7x"),
        out);
  }

  @Test
  void seedNotebookPrintsTheSeedTableAndRatio() throws IOException {
    String out = runNotebook("seed-phase-14.ipynb");
    SEED_ROWS.forEach(row -> assertTrue(out.contains(row), () -> row + " missing in:\n" + out));
    assertTrue(out.contains("8.7x"), out);
  }

  @Test
  void phaseAnalysisScriptComparesSummarizesAndSavesAChart() throws IOException {
    checkPhaseAnalysis(runScript("phase-analysis.jsh"));
  }

  @Test
  void phaseAnalysisNotebookComparesSummarizesAndSavesAChart() throws IOException {
    checkPhaseAnalysis(runNotebook("phase-analysis.ipynb"));
  }

  @Test
  void notebooksAreCleanNbformat4WithAJavaKernelAndTheScriptsCode() throws IOException {
    for (String name : List.of("seed-phase-14", "phase-analysis")) {
      JsonNode nb = readNotebook(name + ".ipynb");
      assertEquals(4, nb.get("nbformat").asInt(), name);
      JsonNode kernel = nb.at("/metadata/kernelspec");
      assertEquals("java", kernel.get("name").asText(), name);
      assertEquals("Java", kernel.get("display_name").asText(), name);
      assertEquals("java", kernel.get("language").asText(), name);
      assertEquals("java", nb.at("/metadata/language_info/name").asText(), name);
      assertEquals("markdown", nb.get("cells").get(0).get("cell_type").asText(), name);
      for (JsonNode cell : nb.get("cells")) {
        if (cell.get("cell_type").asText().equals("code")) {
          assertEquals(0, cell.get("outputs").size(), name + ": outputs must not be committed");
          assertTrue(cell.get("execution_count").isNull(), name);
        }
      }
      String expected = code(read("startup.jsh")) + code(read(name + ".jsh"));
      String cells = codeCells(nb).stream().map(NotebooksRunTest::code)
          .collect(Collectors.joining());
      assertEquals(expected, cells, name + ".ipynb code cells differ from startup.jsh + "
          + name + ".jsh");
    }
  }

  private static void checkPhaseAnalysis(String out) throws IOException {
    assertTrue(out.contains("| Segment | Baseline P95 | Mitigation P95 | Delta |"), out);
    assertTrue(out.contains("P95 [lock_wait_ms]"), out);
    assertTrue(out.contains("transitions_per_s"), out);
    String saved = out.lines().filter(l -> l.startsWith("Saved ")).findFirst().orElseThrow(
        () -> new AssertionError("no 'Saved' line in:\n" + out));
    Path png = Path.of(saved.substring("Saved ".length()).trim());
    assertTrue(Files.size(png) > 1000, png.toString());
    deleteWorkFolder(png.getParent().getParent());
  }

  /** Removes the notebook's temp folder ({@code benchbook-notebook-*}), nothing else. */
  private static void deleteWorkFolder(Path work) throws IOException {
    if (!work.getFileName().toString().startsWith("benchbook-notebook-")) {
      return;
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String runScript(String name) throws IOException {
    try (ScriptShell shell = new ScriptShell()) {
      shell.run("startup.jsh", read("startup.jsh"));
      shell.run(name, read(name));
      return shell.output();
    }
  }

  private static String runNotebook(String name) throws IOException {
    try (ScriptShell shell = new ScriptShell()) {
      shell.run("startup.jsh", read("startup.jsh"));
      List<String> cells = codeCells(readNotebook(name));
      for (int i = 0; i < cells.size(); i++) {
        shell.run(name + " code cell " + (i + 1), cells.get(i));
      }
      return shell.output();
    }
  }

  private static List<String> codeCells(JsonNode nb) {
    List<String> cells = new ArrayList<>();
    for (JsonNode cell : nb.get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        cells.add(source(cell.get("source")));
      }
    }
    return cells;
  }

  private static String source(JsonNode source) {
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  /** The code lines of a script: no comments, blank lines or JShell commands. */
  private static String code(String script) {
    return script.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/exit"))
        .map(l -> l + "\n").collect(Collectors.joining());
  }

  private static JsonNode readNotebook(String name) throws IOException {
    JsonNode nb = new ObjectMapper().readTree(DIR.resolve(name).toFile());
    assertNull(nb.get("outputs"), name);
    return nb;
  }

  private static String read(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
  }
}
