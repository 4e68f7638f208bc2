package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless runner on small notebooks: outputs, counts, parameters, failures. */
class NotebookRunnerTest {

  static ObjectNode notebook(String... cells) {
    ObjectNode nb = JsonNodeFactory.instance.objectNode();
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    nb.putObject("metadata").putObject("kernelspec").put("name", "java")
        .put("display_name", "Java").put("language", "java");
    ArrayNode list = nb.putArray("cells");
    for (int i = 0; i < cells.length; i++) {
      ObjectNode c = list.addObject();
      boolean md = cells[i].startsWith("# ");
      boolean params = cells[i].startsWith("//params\n");
      c.put("cell_type", md ? "markdown" : "code");
      c.put("id", "c" + i);
      ObjectNode meta = c.putObject("metadata");
      if (params) {
        meta.putArray("tags").add("parameters");
      }
      c.set("source", NotebookJson.lines(cells[i]));
      if (!md) {
        c.putNull("execution_count");
        c.putArray("outputs");
      }
    }
    return nb;
  }

  private static NotebookRunner.Result run(ObjectNode nb, Map<String, String> params) {
    return NotebookRunner.run(nb, params, EvaluatorOptions.defaults(), line -> { });
  }

  @Test
  void writesStreamsDisplaysResultsAndCountsAndSkipsMarkdownAndEmptyCells(@TempDir Path tmp)
      throws Exception {
    NotebookRunner.Result r = run(notebook("# Title", "System.out.println(\"a\");\n"
        + "System.out.println(\"b\");\ndisplay(7);\n1 + 1", "  \n", "\"x\""), Map.of());
    assertTrue(r.ok());
    assertEquals(2, r.executed());
    JsonNode cells = r.notebook().get("cells");
    JsonNode first = cells.get(1);
    assertEquals(1, first.get("execution_count").asInt());
    JsonNode outs = first.get("outputs");
    assertEquals("stream", outs.get(0).get("output_type").asText());
    assertEquals("[\"a\\n\",\"b\\n\"]", outs.get(0).get("text").toString());
    assertEquals("display_data", outs.get(1).get("output_type").asText());
    assertEquals("execute_result", outs.get(2).get("output_type").asText());
    assertEquals("[\"2\"]", outs.get(2).at("/data/text~1plain").toString());
    assertEquals(1, outs.get(2).get("execution_count").asInt());
    assertTrue(cells.get(2).get("execution_count").isNull(), "an empty cell does not run");
    assertEquals(2, cells.get(3).get("execution_count").asInt());
    Path f = tmp.resolve("out.ipynb");
    NotebookJson.write(r.notebook(), f);
    NbformatValidator.assertValid(List.of(f));
  }

  @Test
  void aFailureIsNumberedAsInTheSourceNotebookNotCountingTheInjectedCell() {
    ObjectNode nb = notebook("//params\nint files = 40;", "int a = 1;", "a + missing");
    NotebookRunner.Failure f = run(nb, Map.of("files", "3")).failure().orElseThrow();
    assertEquals("cell 3 (code cell 3), line 1: CompilationError: cannot find symbol (symbol: "
        + "variable missing)", f.summary(), "the source's third cell, not the output's fourth");
  }

  @Test
  void parametersAreInjectedAfterTheParametersCellTypedAsDeclared(@TempDir Path tmp)
      throws Exception {
    ObjectNode nb = notebook("//params\nint files = 40;\ndouble rate = 0.5;\n"
        + "boolean on = false;\nString label = \"x\";",
        "label + \"|\" + files + \"|\" + rate + \"|\" + on");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("label", "a \"quoted\" name");
    p.put("files", "400");
    p.put("rate", "1e-3");
    p.put("on", "true");
    NotebookRunner.Result r = run(nb, p);
    assertTrue(r.ok(), () -> r.failure().toString());
    JsonNode cells = r.notebook().get("cells");
    assertEquals(3, cells.size());
    JsonNode injected = cells.get(1);
    assertEquals("[\"injected-parameters\"]", injected.at("/metadata/tags").toString());
    assertEquals("injected-parameters", injected.get("id").asText());
    assertEquals("// Parameters injected by benchbook notebook run -p\n"
        + "String label = \"a \\\"quoted\\\" name\";\nint files = 400;\ndouble rate = 0.001;\n"
        + "boolean on = true;", NotebookJson.source(injected));
    assertEquals("[\"a \\\"quoted\\\" name|400|0.001|true\"]",
        cells.get(2).get("outputs").get(0).at("/data/text~1plain").toString());
    assertEquals(3, cells.get(2).get("execution_count").asInt());
    Path f = tmp.resolve("p.ipynb");
    NotebookJson.write(r.notebook(), f);
    NbformatValidator.assertValid(List.of(f));
  }

  @Test
  void badParametersFailNamingTheParameter() {
    ObjectNode nb = notebook("//params\nint files = 40;", "files");
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> run(nb, Map.of("files", "many")));
    assertEquals("parameter 'files': expected a int, got 'many'", type.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> run(nb, Map.of("filez", "3")));
    assertTrue(unknown.getMessage().startsWith("parameter 'filez' is not declared"),
        unknown.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> run(notebook("1"), Map.of("files", "3")));
    assertTrue(none.getMessage().contains("no cell tagged 'parameters'"), none.getMessage());
  }

  @Test
  void aFailingCellStopsTheRunAndTheNotebookKeepsTheErrorAndNothingAfter(@TempDir Path tmp)
      throws Exception {
    NotebookRunner.Result r = run(notebook("# T", "int a = 1;",
        "System.out.println(\"so far\");\nInteger.parseInt(\"x\");", "a"), Map.of());
    NotebookRunner.Failure f = r.failure().orElseThrow();
    assertEquals(3, f.cell());
    assertEquals(2, f.codeCell());
    assertEquals(2, f.error().line());
    assertEquals("cell 3 (code cell 2), line 2: java.lang.NumberFormatException: For input "
        + "string: \"x\"", f.summary());
    JsonNode failed = r.notebook().get("cells").get(2);
    assertEquals("stream", failed.get("outputs").get(0).get("output_type").asText());
    JsonNode error = failed.get("outputs").get(1);
    assertEquals("error", error.get("output_type").asText());
    assertEquals("java.lang.NumberFormatException", error.get("ename").asText());
    JsonNode after = r.notebook().get("cells").get(3);
    assertTrue(after.get("execution_count").isNull());
    assertEquals(0, after.get("outputs").size());
    Path out = tmp.resolve("failed.ipynb");
    NotebookJson.write(r.notebook(), out);
    NbformatValidator.assertValid(List.of(out));
  }
}
