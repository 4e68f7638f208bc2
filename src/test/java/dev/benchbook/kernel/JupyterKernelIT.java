package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.notebook.CellListener;
import dev.benchbook.notebook.CellOutcome;
import dev.benchbook.notebook.DisplayData;
import dev.benchbook.notebook.Evaluator;
import dev.benchbook.notebook.EvaluatorOptions;
import dev.benchbook.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchbook's kernel in Debian's Jupyter, installed from target/benchbook.jar by
 * {@code benchbook kernel install --prefix}: Jupyter's kernel conformance suite passes, and
 * every notebook in notebooks/ runs under {@code jupyter nbconvert --execute} with the outputs
 * the evaluator gives in-process, cell by cell (so chart cells show image/png and table cells
 * text/html in Jupyter as they do in {@code notebook run}). Runs after {@code package}
 * (failsafe). Without Jupyter it is skipped with one line saying how to enable it; with
 * {@code CI=true} it fails instead. {@code -Dbenchbook.jupyter=PATH} points it at another
 * {@code jupyter} (a missing one shows the skip).
 */
class JupyterKernelIT {

  private static final Path JUPYTER = Path.of(System.getProperty("benchbook.jupyter",
      "/usr/bin/jupyter"));
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String MODULES = "jupyter_client, jupyter_kernel_test, nbclient, nbconvert,"
      + " pytest";
  private static final String PACKAGES = "jupyter-nbconvert python3-nbclient jupyter-client "
      + "python3-jupyter-kernel-test python3-pytest python3-ipykernel";
  private static final Path JAR = Path.of("target", "benchbook.jar").toAbsolutePath();
  private static final Path NOTEBOOKS = Path.of("notebooks").toAbsolutePath();

  @TempDir
  static Path tmp;

  private static Map<String, String> env;
  private static String missing;

  @BeforeAll
  static void installKernel() throws Exception {
    missing = missing();
    if (!missing.isEmpty()) {
      return;
    }
    assertTrue(Files.isRegularFile(JAR), JAR + " missing: these tests run after 'mvn package'");
    Path prefix = tmp.resolve("prefix");
    List<String> install = List.of(KernelInstaller.runningJava().toString(), "-jar",
        JAR.toString(), "kernel", "install", "--prefix", prefix.toString());
    Processes.Result r = Processes.run(install, tmp, Map.of(), 60);
    assertEquals(0, r.code(), () -> r.describe(install));
    env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
        "JUPYTER_DATA_DIR", tmp.resolve("data").toString(),
        "JUPYTER_CONFIG_DIR", tmp.resolve("config").toString(),
        "JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString(),
        "PYTHONDONTWRITEBYTECODE", "1", "BENCHBOOK_JAR", JAR.toString());
  }

  /** Skips each test (counted as skipped, with one line) or, in CI, fails it. */
  @BeforeEach
  void requireJupyter() {
    if (missing.isEmpty()) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + missing + ": install " + PACKAGES + " (.ci/run does)");
    }
    String line = "Jupyter kernel tests skipped: " + missing + "; enable them with: "
        + "sudo apt-get install " + PACKAGES;
    System.err.println(line);
    Assumptions.abort(line);
  }

  private static String missing() throws Exception {
    if (!Files.isExecutable(JUPYTER) || !Files.isExecutable(PYTHON)) {
      return JUPYTER + " or " + PYTHON + " is missing";
    }
    List<String> probe = List.of(PYTHON.toString(), "-c", "import " + MODULES);
    Processes.Result r = Processes.run(probe, Path.of("."), Map.of(), 60);
    return r.code() == 0 ? "" : "python modules missing (" + MODULES + ")";
  }

  @Test
  void jupytersKernelConformanceSuitePasses() throws Exception {
    List<String> pytest = List.of(PYTHON.toString(), "-m", "pytest", "-q", "-p",
        "no:cacheprovider", "src/test/python/test_kernel_conformance.py");
    Processes.Result r = Processes.run(pytest, Path.of("."), env, 300);
    assertEquals(0, r.code(), () -> r.describe(pytest));
    assertTrue(r.output().contains(" passed"), r.output());
  }

  @Test
  void everyNotebookRunsInJupyterWithTheEvaluatorsOutputs() throws Exception {
    List<Path> notebooks = notebooks();
    assertTrue(notebooks.size() >= 2, "notebooks/*.ipynb: " + notebooks);
    Path out = tmp.resolve("executed");
    List<String> nbconvert = new ArrayList<>(List.of(JUPYTER.toString(), "nbconvert", "--to",
        "notebook", "--execute", "--output-dir", out.toString()));
    notebooks.forEach(nb -> nbconvert.add(nb.toString()));
    Processes.Running jupyter = Processes.start(nbconvert, Path.of("."), env);
    Map<Path, List<List<Output>>> expected = new LinkedHashMap<>();
    for (Path nb : notebooks) {
      expected.put(nb, inProcess(nb));
    }
    Processes.Result r = jupyter.await(300);
    assertEquals(0, r.code(), () -> r.describe(nbconvert));
    int rich = 0;
    for (Path nb : notebooks) {
      JsonNode executed = Json.MAPPER.readTree(out.resolve(nb.getFileName()).toFile());
      List<List<Output>> actual = jupyterOutputs(executed);
      List<List<Output>> wanted = expected.get(nb);
      assertEquals(wanted.size(), actual.size(), nb + ": code cells");
      for (int i = 0; i < wanted.size(); i++) {
        assertEquals(wanted.get(i), actual.get(i), nb.getFileName() + ", code cell " + (i + 1));
        rich += actual.get(i).size();
      }
    }
    assertTrue(rich > 0, "no display_data or execute_result in any notebook: nothing compared");
  }

  /**
   * A rich output as compared: its MIME types, and its content for the deterministic text
   * types (HTML and Markdown tables); PNG bytes and object texts are not compared.
   */
  record Output(Set<String> mimes, String html, String markdown) {

    static Output of(Map<String, String> data) {
      return new Output(new TreeSet<>(data.keySet()), data.getOrDefault("text/html", ""),
          data.getOrDefault("text/markdown", ""));
    }
  }

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** Each code cell's rich outputs (display_data, execute_result), failing on any error. */
  private static List<List<Output>> jupyterOutputs(JsonNode notebook) {
    List<List<Output>> cells = new ArrayList<>();
    for (JsonNode cell : notebook.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      List<Output> rich = new ArrayList<>();
      for (JsonNode o : cell.get("outputs")) {
        String type = o.get("output_type").asText();
        assertTrue(!type.equals("error"), () -> "error output: " + o);
        if (type.equals("display_data") || type.equals("execute_result")) {
          Map<String, String> data = new TreeMap<>();
          o.get("data").properties().forEach(e -> data.put(e.getKey(), text(e.getValue())));
          rich.add(Output.of(data));
        }
      }
      cells.add(rich);
    }
    return cells;
  }

  /** The same notebook's code cells run by the evaluator in this JVM. */
  private static List<List<Output>> inProcess(Path notebook) throws IOException {
    JsonNode nb = Json.MAPPER.readTree(notebook.toFile());
    List<List<Output>> cells = new ArrayList<>();
    try (Evaluator evaluator = Evaluator.start(EvaluatorOptions.defaults())) {
      for (JsonNode cell : nb.get("cells")) {
        if (cell.get("cell_type").asText().equals("code")) {
          cells.add(run(evaluator, text(cell.get("source")), notebook));
        }
      }
    }
    return cells;
  }

  private static List<Output> run(Evaluator evaluator, String code, Path notebook) {
    List<Output> rich = new ArrayList<>();
    CellOutcome outcome = evaluator.execute(code, new CellListener() {
      @Override
      public void stdout(String text) {
      }

      @Override
      public void stderr(String text) {
      }

      @Override
      public void display(DisplayData data) {
        rich.add(Output.of(data.data()));
      }
    });
    assertTrue(outcome.ok(), () -> notebook + ": " + outcome.error().get().summary());
    outcome.result().ifPresent(d -> rich.add(Output.of(d.data())));
    return rich;
  }

  /** nbformat text: a string or a list of lines. */
  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder s = new StringBuilder();
      node.forEach(line -> s.append(line.asText()));
      return s.toString();
    }
    return node.asText();
  }
}
