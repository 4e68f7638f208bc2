package dev.benchbook.notebook;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a JShell script with the notebook rules: a script in the percent format ({@code // %%}
 * lines) runs cell by cell, any other as one cell; printed text passes through, each cell's
 * result and {@code display(obj)} print their text; the first rejected snippet or exception
 * stops the script, reported with its script line. {@code /exit} ends the script; other
 * {@code /commands} of the jshell tool are not supported.
 */
public final class ScriptRunner {

  /**
   * Why a script stopped.
   *
   * @param line 1-based line in the script
   * @param error the cell's error
   */
  public record ScriptError(int line, CellError error) {
  }

  private record Cell(String code, int firstLine) {
  }

  private ScriptRunner() {
  }

  /**
   * Runs {@code script} in {@code eval}; printed text, displays and results go to {@code out},
   * text printed to System.err to {@code err}.
   */
  public static Optional<ScriptError> run(Evaluator eval, String script, PrintWriter out,
      PrintWriter err) {
    List<Cell> cells;
    try {
      cells = cells(script);
    } catch (IllegalArgumentException e) {
      int line = Integer.parseInt(e.getMessage().split(":", 2)[0]);
      return Optional.of(new ScriptError(line, new CellError("UnsupportedCommand",
          e.getMessage().split(":", 2)[1].strip(), 1, List.of())));
    }
    for (Cell cell : cells) {
      CellListener printer = new Printer(out, err);
      CellOutcome o = eval.execute(cell.code(), printer);
      o.result().ifPresent(printer::display);
      if (o.error().isPresent()) {
        CellError e = o.error().get();
        return Optional.of(new ScriptError(cell.firstLine() + Math.max(e.line(), 1) - 1, e));
      }
    }
    return Optional.empty();
  }

  /** The script's cells; jshell commands are blanked, {@code /exit} ends the script. */
  private static List<Cell> cells(String script) {
    List<Cell> cells = new ArrayList<>();
    List<String> lines = script.lines().toList();
    StringBuilder code = new StringBuilder();
    int first = 1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.strip();
      if (t.startsWith(ScriptExport.CELL)) {
        cells.add(new Cell(code.toString(), first));
        code.setLength(0);
        first = i + 1;
      } else if (t.equals("/exit") || t.startsWith("/exit ")) {
        break;
      } else if (t.matches("/[A-Za-z!?].*") && !line.startsWith(" ")) {
        throw new IllegalArgumentException((i + 1) + ": jshell command " + t.split("\\s")[0]
            + " is not supported in scripts run by benchbook (only /exit)");
      }
      code.append(t.startsWith(ScriptExport.CELL) ? "" : line).append('\n');
    }
    cells.add(new Cell(code.toString(), first));
    return cells;
  }

  /** Prints a cell's text, displays and result. */
  private static final class Printer implements CellListener {

    private final PrintWriter out;
    private final PrintWriter err;

    Printer(PrintWriter out, PrintWriter err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public void stdout(String text) {
      out.print(text);
      out.flush();
    }

    @Override
    public void stderr(String text) {
      err.print(text);
      err.flush();
    }

    @Override
    public void display(DisplayData data) {
      out.println(data.plain());
      out.flush();
    }
  }
}
