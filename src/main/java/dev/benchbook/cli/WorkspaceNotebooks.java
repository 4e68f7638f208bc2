package dev.benchbook.cli;

import dev.benchbook.runtime.JavaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code reports/notebooks/} in step with {@code data/}: after a measuring command writes
 * into the workspace's data folder, the notebooks are re-run (as {@code notebook run --all}) in a
 * child JVM, so their committed outputs describe the data beside them, as the reports do.
 */
final class WorkspaceNotebooks {

  private static final Path NOTEBOOKS = NotebookRunCommand.NOTEBOOKS;

  private WorkspaceNotebooks() {
  }

  /** True when results went to the workspace's data folder and the workspace has notebooks. */
  static boolean applies(Path dataDir, boolean noReport) {
    return !noReport && dataDir.normalize().equals(Path.of("data")) && Files.isDirectory(NOTEBOOKS)
        && Files.isDirectory(NotebookRunCommand.OUT_DIR);
  }

  /**
   * Re-runs every notebook into reports/notebooks/ and returns the folder; a notebook that
   * fails throws with the child's last error line (the results are already written).
   */
  static Path refresh() throws IOException, InterruptedException {
    Path log = Files.createTempFile("benchbook-notebooks", ".log");
    try {
      Process child = new ProcessBuilder(command()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      child.getOutputStream().close();
      int code = child.waitFor();
      if (code != 0) {
        throw new IllegalStateException("re-running the notebooks on the new data failed (exit "
            + code + "): " + lastLine(log) + "; see ./benchbook notebook run --all");
      }
      return NotebookRunCommand.OUT_DIR;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static List<String> command() {
    List<String> flags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true"));
    flags.addAll(JavaProcess.flags(arg -> arg.startsWith("-Duser.")
        || arg.startsWith("-Dfile.encoding")));
    return JavaProcess.command(flags, Main.class.getName(),
        List.of("notebook", "run", "--all", "--quiet"));
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i).trim();
      }
    }
    return "no output";
  }
}
