package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.notebook.NotebookJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notebook run}, {@code notebook export} and {@code shell} as a user meets them. */
class NotebookCommandsTest {

  private static final String NB = "{\"cells\": [%s], \"metadata\": {}, \"nbformat\": 4, "
      + "\"nbformat_minor\": 5}";

  private static Path notebook(Path dir, String... sources) throws Exception {
    StringBuilder cells = new StringBuilder();
    for (int i = 0; i < sources.length; i++) {
      cells.append(i == 0 ? "" : ", ").append("{\"cell_type\": \"code\", \"id\": \"c").append(i)
          .append("\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], "
              + "\"source\": \"").append(sources[i].replace("\\", "\\\\").replace("\"", "\\\"")
              .replace("\n", "\\n")).append("\"}");
    }
    Path f = dir.resolve("t.ipynb");
    Files.writeString(f, String.format(NB, cells));
    return f;
  }

  @Test
  void aFailingCellExitsOneNamingCellLineAndMessageAndWritesThePartialNotebook(@TempDir Path tmp)
      throws Exception {
    Path in = notebook(tmp, "int a = 1;", "a +\n  missing");
    Path out = tmp.resolve("out.ipynb");
    Cli.Result r = Cli.run("notebook", "run", in.toString(), "-o", out.toString(), "-q");
    r.assertCode(ExitCode.FAILED);
    assertEquals("benchbook: " + in + ": cell 2 (code cell 2), line 2: CompilationError: cannot "
        + "find symbol (symbol: variable missing)", r.errLines().get(0));
    assertTrue(r.err().contains("the notebook up to the failing cell, with the error, is in "
        + out), r.err());
    var written = NotebookJson.read(out);
    assertEquals("error", written.at("/cells/1/outputs/0/output_type").asText());
    assertEquals(1, written.at("/cells/0/execution_count").asInt());
  }

  @Test
  void aCellOverTheTimeoutIsStoppedAndReported(@TempDir Path tmp) throws Exception {
    Path in = notebook(tmp, "Thread.sleep(60_000);");
    Cli.Result r = Cli.run("notebook", "run", in.toString(), "-o",
        tmp.resolve("o.ipynb").toString(), "--timeout", "500ms", "-q");
    r.assertCode(ExitCode.FAILED);
    assertTrue(r.firstErrLine().contains("cell 1 (code cell 1), line 1: CellTimeout: the cell ran "
        + "longer than 0.5 s and was stopped"), r.err());
  }

  @Test
  void badInputGetsOneClearLine(@TempDir Path tmp) throws Exception {
    Cli.run("notebook", "run", "seed-phase-14.ipynb").assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("no such notebook: seed-phase-14.ipynb",
            "did you mean notebooks/seed-phase-14.ipynb?");
    Path bad = tmp.resolve("bad.ipynb");
    Files.writeString(bad, "{\"nbformat\": 3, \"cells\": []}");
    Cli.run("notebook", "run", bad.toString()).assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("/nbformat: expected 4 (nbformat 4), found 3");
    Files.writeString(bad, "{\"cells\": []}");
    Cli.run("notebook", "run", bad.toString()).assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("/nbformat: expected 4 (nbformat 4), found no nbformat field");
    Files.writeString(bad, "{\"nbformat\": 4, \"cells\": [");
    Cli.run("notebook", "run", bad.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(bad + ": line 1, column 27: expected valid JSON, found a syntax "
            + "error: Unexpected end-of-input: expected close marker for Array (start marker at "
            + "line 1, column 26)");
    Files.writeString(bad, "[".repeat(1200) + "]".repeat(1200));
    Cli.run("notebook", "run", bad.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(bad + ": expected objects and arrays nested at most 1000 deep");
    Files.writeString(bad, "{\"nbformat\": 4, \"nbformat\": 4, \"cells\": []}");
    Cli.run("notebook", "run", bad.toString()).assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("expected each key once in an object, found \"nbformat\" twice");
    Path in = notebook(tmp, "1");
    Cli.run("notebook", "run", in.toString(), "-o", in.toString()).assertCode(ExitCode.USAGE)
        .assertOneErrorLine("is the input notebook");
    Cli.run("notebook", "run", in.toString(), "-p", "x=1", "-o", tmp.resolve("x.ipynb")
        .toString()).assertCode(ExitCode.USAGE).assertOneErrorLine("no cell tagged 'parameters'");
    Cli.Result quoted = Cli.run("notebook", "run", in.toString(), "-p", "x=a\"b", "-o",
        tmp.resolve("x.ipynb").toString());
    quoted.assertCode(ExitCode.USAGE).assertOneErrorLine("no cell tagged 'parameters'");
    assertFalse(quoted.err().contains("picocli"), quoted.err());
    Cli.run("notebook", "run", in.toString(), "-p", "x=1", "-p", "x=2").assertCode(
        ExitCode.USAGE).assertOneErrorLine("-p x given twice ('1' and '2')");
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeAnyCellRunsNamingTheTarget(@TempDir Path tmp)
      throws Exception {
    Path marker = tmp.resolve("ran");
    Path in = notebook(tmp, "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
        + marker.toString().replace("\\", "/") + "\"), \"x\");");
    Path blocker = Files.writeString(tmp.resolve("a-file"), "");
    Path out = blocker.resolve("out.ipynb");
    Cli.run("notebook", "run", in.toString(), "-o", out.toString(), "-q")
        .assertCode(ExitCode.FAILED).assertNoStackTrace()
        .assertOneErrorLine("cannot write the notebook " + out, "nothing was run");
    assertFalse(Files.exists(marker), "the cell ran before the destination was checked");
    Cli.run("notebook", "run", in.toString(), "-o", tmp.toString(), "-q")
        .assertCode(ExitCode.FAILED).assertOneErrorLine("cannot write the notebook " + tmp
            + ": it is a folder");
    assertFalse(Files.exists(marker));
  }

  @Test
  void exportNeverOverwritesAHandWrittenScript(@TempDir Path tmp) throws Exception {
    Path in = notebook(tmp, "1");
    Path mine = tmp.resolve("t.jsh");
    Files.writeString(mine, "// mine\n");
    Cli.run("notebook", "export", in.toString()).assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("was not generated by benchbook notebook export");
    assertEquals("// mine\n", Files.readString(mine));
    Files.delete(mine);
    Cli.run("notebook", "export", in.toString()).assertCode(ExitCode.OK);
    assertTrue(Files.readString(mine).contains("// %%\n1\n"), Files.readString(mine));
  }

  @Test
  void shellRunsScriptsAndStopsAtTheFirstErrorWithTheScriptLine(@TempDir Path tmp)
      throws Exception {
    Cli.Result seed = Cli.run("shell", "notebooks/seed-phase-14.jsh").assertCode(ExitCode.OK);
    assertTrue(seed.out().contains("c10-zero-shared-connection / c10-zero: 8.7x"), seed.out());
    assertTrue(seed.out().lines().anyMatch(l -> l.matches(
        "lock_wait_ms +40\\.65 ms +0\\.77 ms +-98\\.1% \\(-39\\.88ms\\)")), seed.out());
    Path script = tmp.resolve("bad.jsh");
    Files.writeString(script, "System.out.println(\"one\");\n// %%\nint x = 1;\n"
        + "int y = x +\n   )\nSystem.out.println(\"never\");\n");
    Cli.Result r = Cli.run("shell", script.toString()).assertCode(ExitCode.FAILED);
    assertEquals("one\n", r.out());
    assertTrue(r.firstErrLine().startsWith("benchbook: " + script + ":5: CompilationError: "),
        r.err());
    assertTrue(r.err().contains("5 |    )"), r.err());
  }
}
