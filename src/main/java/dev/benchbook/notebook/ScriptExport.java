package dev.benchbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A notebook as a JShell script in the "percent" format (as Jupytext writes it for Java): each
 * cell starts with a {@code // %%} line, Markdown cells become {@code //} comments, code cells
 * stay as they are, magic lines are commented out; the script ends with {@code /exit}. The
 * notebook is the source; the script is generated from it.
 */
public final class ScriptExport {

  /** The first line of every generated script (how the in-step check recognises one). */
  public static final String HEADER = "// Generated from ";
  /** The line that starts a code cell. */
  public static final String CELL = "// %%";
  /** The line that starts a Markdown cell. */
  public static final String MARKDOWN_CELL = "// %% [markdown]";

  private ScriptExport() {
  }

  /** The script of {@code notebook}, read from {@code source} (named in the header). */
  public static String jsh(JsonNode notebook, Path source) {
    String name = source.getFileName().toString();
    String script = name.replaceAll("\\.ipynb$", ".jsh");
    List<String> out = new ArrayList<>();
    out.add(HEADER + name + " by `benchbook notebook export " + name
        + " --to jsh`: edit the notebook, then export again.");
    out.add("// Run from the repo root: ./benchbook shell notebooks/" + script);
    out.add("//   or: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/"
        + script);
    for (JsonNode cell : notebook.path("cells")) {
      String type = cell.path("cell_type").asText();
      String src = NotebookJson.source(cell).stripTrailing();
      out.add("");
      if (type.equals("code")) {
        out.add(CELL);
        src.lines().map(ScriptExport::codeLine).forEach(out::add);
      } else {
        out.add(MARKDOWN_CELL);
        src.lines().map(l -> l.isEmpty() ? "//" : "// " + l).forEach(out::add);
      }
    }
    out.add("");
    out.add("/exit");
    return String.join("\n", out) + "\n";
  }

  private static String codeLine(String line) {
    return Magics.LINE.matcher(line).matches() ? "// " + line.strip()
        + "  (a notebook magic: add the path to jshell's --class-path instead)" : line;
  }
}
