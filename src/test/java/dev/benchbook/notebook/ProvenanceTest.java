package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.runtime.MachineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A written notebook records how it was made (papermill's idea): version, commit, parameters,
 * input files with their SHA-256; times only with timings on, so the default is byte-stable.
 */
class ProvenanceTest {

  static final String FILE = "data/results-mitigation-20261126-211850.json";

  static ObjectNode book() {
    return NotebookRunnerTest.notebook("# Provenance",
        "//params\nList<String> configs = List.of(\"c1-zero\");\nint[] reps = {0};\n"
            + "String file = \"" + FILE + "\";",
        "var run = Benchbook.load(file);\nconfigs + \" \" + Arrays.toString(reps)");
  }

  static NotebookRunner.Result run(Map<String, String> params, boolean timings) {
    return NotebookRunner.run(book(), params, EvaluatorOptions.defaults(), line -> { },
        NotebookRunner.Settings.of(Path.of("notebooks/provenance.ipynb")).withTimings(timings));
  }

  @Test
  void theMetadataNamesVersionCommitParametersAndHashedInputsAndStaysTheSameRunToRun()
      throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("configs", "[c1-zero,c10-zero]");
    params.put("reps", "[0, 1]");
    NotebookRunner.Result r = run(params, false);
    assertTrue(r.ok(), () -> r.failure().get().summary());
    JsonNode cells = r.notebook().get("cells");
    assertEquals("[c1-zero, c10-zero] [0, 1]",
        cells.get(3).get("outputs").get(0).at("/data/text~1plain").get(0).asText());
    JsonNode record = r.notebook().at("/metadata/benchbook");
    assertEquals(MachineInfo.TOOL_VERSION, record.get("version").asText());
    MachineInfo.checkoutCommit().ifPresent(c -> assertEquals(c, record.get("commit").asText()));
    assertEquals("notebooks/provenance.ipynb", record.get("notebook").asText());
    assertEquals("{\"configs\":[\"c1-zero\",\"c10-zero\"],\"reps\":[0,1]}",
        record.get("parameters").toString());
    JsonNode inputs = record.get("inputs");
    assertEquals(2, inputs.size(), inputs.toString());
    assertEquals(FILE, inputs.get(0).get("path").asText());
    assertEquals(FILE.replace(".json", ".rows.csv.gz"), inputs.get(1).get("path").asText());
    for (JsonNode in : inputs) {
      byte[] bytes = Files.readAllBytes(Path.of(in.get("path").asText()));
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          in.get("sha256").asText());
      assertEquals(bytes.length, in.get("bytes").asLong());
    }
    assertFalse(NotebookJson.bytes(r.notebook()).length == 0);
    String text = new String(NotebookJson.bytes(r.notebook()), "UTF-8");
    assertFalse(text.contains("duration_s") || text.contains("start_time"), text);
    assertArrayEquals(NotebookJson.bytes(r.notebook()),
        NotebookJson.bytes(run(params, false).notebook()), "run to run, the same bytes");
  }

  @Test
  void timingsRecordEachCodeCellAndTheRun() {
    NotebookRunner.Result r = run(Map.of("configs", "[\"a\",\"b\"]"), true);
    assertTrue(r.ok());
    assertTrue(r.notebook().at("/metadata/benchbook/duration_s").asDouble() > 0);
    int timed = 0;
    for (JsonNode cell : r.notebook().get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        JsonNode times = cell.at("/metadata/benchbook");
        assertTrue(times.get("duration_s").asDouble() >= 0, cell.toString());
        assertTrue(times.get("end_time").asText().compareTo(times.get("start_time").asText())
            >= 0);
        timed++;
      }
    }
    assertEquals(3, timed, "parameters, injected and the code cell");
    assertEquals("[\"a\",\"b\"]", r.notebook().at("/metadata/benchbook/parameters/configs")
        .toString());
  }

  @Test
  void listParametersInjectTypedJavaAndBadItemsAreNamed() {
    Map<String, String> declared = Map.of("configs", "List<String>", "reps", "int[]",
        "ratios", "java.util.List<Double>");
    assertEquals("// Parameters injected by benchbook notebook run -p\n"
        + "List<String> configs = List.of(\"c1-zero\", \"c10-zero\");",
        Parameters.cell(Map.of("configs", "[c1-zero, c10-zero]"), declared));
    assertEquals("new int[] {1, 2}", Parameters.literal("reps", "int[]", "[1,2]"));
    assertEquals("List.of(1.0, 2.5)", Parameters.literal("ratios", "List<Double>", "[1, 2.5]"));
    assertEquals("List.of()", Parameters.literal("configs", "List<String>", "[]"));
    assertEquals(List.of("a,b"), Parameters.value("c", "List<String>", "[\"a,b\"]"),
        "a JSON string keeps its comma");
    assertEquals("parameter 'reps': expected a int, got 'x'", assertThrows(
        IllegalArgumentException.class, () -> Parameters.literal("reps", "int[]", "[1,x]"))
        .getMessage());
    assertEquals("parameter 'm': expected a list such as [a,b] or a JSON array, got '[a,b'",
        assertThrows(IllegalArgumentException.class,
            () -> Parameters.literal("m", "List<String>", "[a,b")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Parameters.literal("m", "Map<String, String>", "{}")).getMessage()
        .contains("-p can set int, long, double, boolean and String parameters, and lists"));
  }
}
