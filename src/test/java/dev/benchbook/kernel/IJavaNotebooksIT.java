package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in notebooks/ runs under the IJava kernel (SpencerPark IJava 1.3.0, the kernel
 * the design card's users have) in Debian's Jupyter: {@code jupyter nbconvert --execute} exits 0
 * with no error output, and cell by cell the rich outputs are those {@code benchbook notebook
 * run --all} committed in reports/notebooks/ (charts as image/png, tables as text/html,
 * comparisons as text/markdown). IJava is not on Maven Central as one artifact and its code is
 * not copied here, so this runs only when {@code -Dbenchbook.ijava=PATH} (or the environment's
 * {@code BENCHBOOK_IJAVA_JAR}) names IJava's jar, built as docs/NOTEBOOKS.md says; otherwise, CI
 * included, it is skipped with one line. Runs after {@code package} (failsafe): {@code mvn -B
 * -o verify -Dit.test=IJavaNotebooksIT -Dbenchbook.ijava=/path/to/ijava-1.3.0.jar}.
 */
class IJavaNotebooksIT {

  private static final Path JUPYTER = Path.of(System.getProperty("benchbook.jupyter",
      "/usr/bin/jupyter"));
  private static final Path JAR = Path.of("target", "benchbook.jar").toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void everyNotebookRunsUnderIJavaWithTheOutputsOfNotebookRun() throws Exception {
    Path ijava = ijavaJar();
    assertTrue(Files.isRegularFile(JAR), JAR + " missing: this test runs after 'mvn package'");
    Path kernels = tmp.resolve("share/jupyter/kernels/java");
    Files.createDirectories(kernels);
    Files.writeString(kernels.resolve("kernel.json"), Json.MAPPER.writeValueAsString(Map.of(
        "argv", List.of(KernelInstaller.runningJava().toString(), "-jar", ijava.toString(),
            "{connection_file}"),
        "display_name", "Java (IJava)", "language", "java", "interrupt_mode", "message")));
    Map<String, String> env = Map.of("JUPYTER_PATH", tmp.resolve("share/jupyter").toString(),
        "JUPYTER_DATA_DIR", tmp.resolve("data").toString(),
        "JUPYTER_CONFIG_DIR", tmp.resolve("config").toString(),
        "JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString(),
        "PYTHONDONTWRITEBYTECODE", "1");
    List<Path> notebooks = JupyterKernelIT.notebooks();
    Path out = tmp.resolve("executed");
    List<String> nbconvert = new ArrayList<>(List.of(JUPYTER.toString(), "nbconvert", "--to",
        "notebook", "--execute", "--ExecutePreprocessor.kernel_name=java",
        "--ExecutePreprocessor.timeout=600", "--output-dir", out.toString()));
    notebooks.forEach(nb -> nbconvert.add(nb.toString()));
    Processes.Result r = Processes.run(nbconvert, Path.of("."), env, 1800);
    assertEquals(0, r.code(), () -> r.describe(nbconvert));
    Set<String> seen = new TreeSet<>();
    for (Path nb : notebooks) {
      var wanted = JupyterKernelIT.jupyterOutputs(Json.MAPPER.readTree(
          JupyterKernelIT.REFERENCE.resolve(nb.getFileName()).toFile()));
      var actual = JupyterKernelIT.jupyterOutputs(Json.MAPPER.readTree(
          out.resolve(nb.getFileName()).toFile()));
      assertEquals(wanted.size(), actual.size(), nb + ": code cells");
      for (int i = 0; i < wanted.size(); i++) {
        assertEquals(wanted.get(i), actual.get(i), nb.getFileName() + ", code cell " + (i + 1));
        actual.get(i).forEach(o -> seen.addAll(o.mimes()));
      }
    }
    assertTrue(seen.containsAll(Set.of("image/png", "text/html", "text/markdown")),
        "charts, tables and comparisons under IJava: " + seen);
  }

  /** IJava's jar from the property or the environment; skips (one line) when neither names one. */
  private static Path ijavaJar() {
    String given = System.getProperty("benchbook.ijava", System.getenv("BENCHBOOK_IJAVA_JAR"));
    if (given == null || given.isBlank() || !Files.isExecutable(JUPYTER)) {
      String line = "IJava notebook test skipped: give IJava's jar with -Dbenchbook.ijava=PATH "
          + "(build it as docs/NOTEBOOKS.md says; it needs " + JUPYTER + ")";
      System.err.println(line);
      Assumptions.abort(line);
    }
    Path jar = Path.of(given).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "-Dbenchbook.ijava: no such file " + jar);
    return jar;
  }
}
