package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * every notebook in notebooks/ runs under {@code jupyter nbconvert --execute} without an error
 * and with, cell by cell, the rich outputs that {@code benchbook notebook run --all} committed in
 * reports/notebooks/ (so chart cells show image/png and table cells text/html in Jupyter too). Runs after {@code package}
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
  static final Path REFERENCE = Path.of("reports", "notebooks").toAbsolutePath();

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
  void everyNotebookRunsInJupyterWithTheOutputsOfNotebookRun() throws Exception {
    List<Path> notebooks = notebooks();
    assertTrue(notebooks.size() >= 2, "notebooks/*.ipynb: " + notebooks);
    Path out = tmp.resolve("executed");
    List<String> nbconvert = new ArrayList<>(List.of(JUPYTER.toString(), "nbconvert", "--to",
        "notebook", "--execute", "--output-dir", out.toString()));
    notebooks.forEach(nb -> nbconvert.add(nb.toString()));
    Processes.Result r = Processes.run(nbconvert, Path.of("."), env, 300);
    assertEquals(0, r.code(), () -> r.describe(nbconvert));
    Set<String> seen = new TreeSet<>();
    for (Path nb : notebooks) {
      Path reference = REFERENCE.resolve(nb.getFileName());
      assertTrue(Files.isRegularFile(reference), reference + " missing: ./benchbook notebook run "
          + "--all writes it");
      List<List<Output>> wanted = jupyterOutputs(Json.MAPPER.readTree(reference.toFile()));
      List<List<Output>> actual = jupyterOutputs(Json.MAPPER.readTree(
          out.resolve(nb.getFileName()).toFile()));
      assertEquals(wanted.size(), actual.size(), nb + ": code cells");
      for (int i = 0; i < wanted.size(); i++) {
        assertEquals(wanted.get(i), actual.get(i), nb.getFileName() + ", code cell " + (i + 1));
        actual.get(i).forEach(o -> seen.addAll(o.mimes()));
      }
    }
    assertTrue(seen.containsAll(Set.of("image/png", "text/html")),
        "the notebooks' charts and tables should show as image/png and text/html: " + seen);
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

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** Each code cell's rich outputs (display_data, execute_result), failing on any error. */
  static List<List<Output>> jupyterOutputs(JsonNode notebook) {
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
