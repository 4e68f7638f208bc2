package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.results.Json;
import dev.benchbook.workload.WorkloadFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of a workload file: the file and its SHA-256 in the results manifest, the catalog's
 * workload columns (and the named queries' filter), the report naming it.
 */
class WorkloadRunTest {

  @TempDir
  Path tmp;

  @Test
  void theManifestCarriesTheFileTheCatalogItsHashTheReportItsName() throws Exception {
    Path queue = Path.of("workloads/job-queue.json");
    String text = Files.readString(queue);
    String sha = WorkloadFile.read(queue).sha256();
    Path data = tmp.resolve("data");
    Cli.small("run", "--workload", queue.toString(), "--concurrency", "2", "--files", "12",
        "--data-dir", data.toString(), "--out", tmp.resolve("reports").toString())
        .assertCode(ExitCode.OK);
    Path json;
    try (var files = Files.list(data)) {
      json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode w = Json.MAPPER.readTree(json.toFile()).path("manifest").path("workload");
    assertEquals("job-queue", w.path("name").asText());
    assertEquals(sha, w.path("sha256").asText());
    assertEquals(text, w.path("file").asText(), "the file's content, byte for byte");
    assertEquals(queue.toString(), w.path("source").asText());
    assertEquals(sha, WorkloadFile.parse("copy", w.path("file").asText()).sha256(),
        "the copy is a workload file that runs as the original");

    Cli.Result rows = Cli.run("query", "--data-dir", data.toString(), "--format", "csv",
        "SELECT workload, workload_sha256 FROM runs").assertCode(ExitCode.OK);
    assertEquals(List.of("workload,workload_sha256", "job-queue," + sha), rows.out().lines()
        .toList());
    assertEquals(2, Cli.run("query", "--data-dir", data.toString(), "--format", "csv",
        "--named", "runs", "--param", "workload=job-queue").assertCode(ExitCode.OK).out()
        .lines().count(), "a header and the job-queue run");
    assertEquals(1, Cli.run("query", "--data-dir", data.toString(), "--format", "csv",
        "--named", "runs", "--param", "workload=upload-index").assertCode(ExitCode.OK).out()
        .lines().count(), "the header only");

    String report;
    try (var dirs = Files.list(tmp.resolve("reports"))) {
      report = Files.readString(dirs.filter(Files::isDirectory).findFirst().orElseThrow()
          .resolve("README.md"));
    }
    String label = "job-queue (" + queue + ", sha256 " + sha.substring(0, 12) + ")";
    assertTrue(report.contains("**Workload:** " + label), report);
    assertEquals(label, dev.benchbook.api.Benchbook.workload(
        dev.benchbook.api.Benchbook.load(json.toString())), "what a notebook shows");
    assertTrue(report.contains("the built-in upload-index transaction's shape, not this "
        + "workload's"), report);

    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json.toFile());
    ((ObjectNode) root.path("manifest").path("workload")).put("file", text.replace("30000",
        "60000"));
    Path edited = Files.writeString(tmp.resolve("edited.json"), root.toString());
    Cli.run("compare", edited.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine("$.manifest.workload.sha256: expected the SHA-256 of "
            + "$.manifest.workload.file");
  }
}
