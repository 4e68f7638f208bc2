package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.results.Json;
import dev.benchbook.runtime.MachineInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook kernel install/uninstall} with --prefix: what Jupyter reads, and refusals. */
class KernelCommandTest {

  @TempDir
  Path prefix;

  private Path kernelJson(String name) {
    return prefix.resolve("share/jupyter/kernels").resolve(name).resolve("kernel.json");
  }

  @Test
  void installWritesAKernelspecJupyterCanRun() throws Exception {
    Cli.Result r = Cli.run("kernel", "install", "--prefix", prefix.toString()).assertCode(0);
    assertTrue(r.out().contains("JUPYTER_PATH=" + prefix.resolve("share/jupyter")
        + " jupyter notebook notebooks/"), r.out());
    JsonNode spec = Json.MAPPER.readTree(kernelJson("java").toFile());
    assertEquals("Java (benchbook " + MachineInfo.TOOL_VERSION + ")",
        spec.get("display_name").asText());
    assertEquals("java", spec.get("language").asText());
    assertEquals("message", spec.get("interrupt_mode").asText());
    JsonNode argv = spec.get("argv");
    assertTrue(Files.isExecutable(Path.of(argv.get(0).asText())), argv.toString());
    assertTrue(argv.toString().contains("\"-Djava.awt.headless=true\""), argv.toString());
    assertTrue(argv.toString().contains("\"-XX:TieredStopAtLevel=1\""), argv.toString());
    assertEquals("{connection_file}", argv.get(argv.size() - 1).asText());
    assertEquals("dev.benchbook.kernel.KernelMain", argv.get(argv.size() - 2).asText());
    String classPath = argv.get(argv.size() - 3).asText();
    for (String entry : classPath.split(File.pathSeparator)) {
      assertTrue(Path.of(entry).isAbsolute() && Files.exists(Path.of(entry)), entry);
    }
  }

  @Test
  void reinstallReplacesItsOwnSpecAndUninstallRemovesIt() throws Exception {
    Cli.run("kernel", "install", "--prefix", prefix.toString(), "--name", "bb").assertCode(0);
    Cli.run("kernel", "install", "--prefix", prefix.toString(), "--name", "bb").assertCode(0);
    Cli.run("kernel", "uninstall", "--prefix", prefix.toString(), "--name", "bb").assertCode(0);
    assertFalse(Files.exists(kernelJson("bb").getParent()));
    Cli.run("kernel", "uninstall", "--prefix", prefix.toString(), "--name", "bb")
        .assertCode(ExitCode.FAILED).assertNoStackTrace().assertOneErrorLine("no kernel 'bb'");
  }

  @Test
  void anotherKernelOfTheSameNameIsLeftAloneUnlessForced() throws Exception {
    String ijava = "{\"argv\": [\"java\", \"-jar\", \"ijava.jar\", \"{connection_file}\"],"
        + " \"display_name\": \"Java\", \"language\": \"java\"}";
    Files.createDirectories(kernelJson("java").getParent());
    Files.writeString(kernelJson("java"), ijava);
    Cli.run("kernel", "install", "--prefix", prefix.toString()).assertCode(ExitCode.FAILED)
        .assertNoStackTrace().assertOneErrorLine("not installed by benchbook", "--force");
    assertEquals(ijava, Files.readString(kernelJson("java")));
    Cli.run("kernel", "uninstall", "--prefix", prefix.toString()).assertCode(ExitCode.FAILED)
        .assertOneErrorLine("not installed by benchbook");
    assertEquals(ijava, Files.readString(kernelJson("java")));
    Cli.run("kernel", "install", "--prefix", prefix.toString(), "--force").assertCode(0);
    assertTrue(Files.readString(kernelJson("java")).contains("benchbook_version"));
  }

  @Test
  void badNamesAndMissingSubcommandAreUsageErrors() {
    Cli.run("kernel", "install", "--prefix", prefix.toString(), "--name", "a/b")
        .assertCode(ExitCode.USAGE).assertNoStackTrace().assertOneErrorLine("--name", "'a/b'");
    Cli.run("kernel").assertCode(ExitCode.USAGE).assertOneErrorLine("install");
    Cli.run("kernel", "install", "--user", "--prefix", prefix.toString())
        .assertCode(ExitCode.USAGE);
    assertFalse(Files.exists(prefix.resolve("share")));
  }
}
