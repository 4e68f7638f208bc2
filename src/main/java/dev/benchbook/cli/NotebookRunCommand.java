package dev.benchbook.cli;

import dev.benchbook.notebook.EvaluatorOptions;
import dev.benchbook.notebook.NotebookFormatException;
import dev.benchbook.notebook.NotebookJson;
import dev.benchbook.notebook.NotebookRunner;
import dev.benchbook.results.ResultsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook notebook run}: executes notebooks in-process and writes them with outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Execute a notebook's code cells in order in an in-process JShell and write "
        + "the notebook with its outputs (nbformat 4). A failing cell stops the run: its cell, "
        + "line and message are printed, the partial notebook is written with the error, and "
        + "the exit code is 1.",
        "With --all, every notebooks/*.ipynb is written to reports/notebooks/NAME.ipynb."})
final class NotebookRunCommand implements Callable<Integer> {

  static final Path NOTEBOOKS = Path.of("notebooks");
  static final Path OUT_DIR = Path.of("reports", "notebooks");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NOTEBOOK", arity = "0..1", description = "The .ipynb to run.")
  Path notebook;

  @Option(names = "--all", description = "Run every notebooks/*.ipynb into reports/notebooks/ "
      + "(or into -o DIR).")
  boolean all;

  @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
      description = "Set a variable of the cell tagged 'parameters' (int, long, double, boolean, "
          + "String, or a List or array of them, as that cell declares it; a list as [a,b] or a "
          + "JSON array); repeatable.")
  List<String> parameters = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "Output notebook (default reports/notebooks/NAME.ipynb); a folder with --all.")
  Path output;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "120s", description = "Longest a cell may run before it is stopped "
          + "(default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  @Option(names = "--timing", description = "Print each code cell's run time on stderr (also "
      + "when stderr is not a terminal).")
  boolean timing;

  @Option(names = "--timings", description = "Record the run's and each code cell's start, end "
      + "and duration in the written notebook's metadata (metadata.benchbook); without it the "
      + "same code and data give the same bytes.")
  boolean timings;

  @Override
  public Integer call() throws Exception {
    if (all == (notebook != null)) {
      throw new IllegalArgumentException("give one NOTEBOOK or --all");
    }
    if (all && !parameters.isEmpty()) {
      throw new IllegalArgumentException("-p sets one notebook's parameters; it cannot be used "
          + "with --all");
    }
    if (all) {
      checkDestination(output != null ? output.resolve("x.ipynb") : OUT_DIR.resolve("x.ipynb"));
      return runAll();
    }
    Path out = output != null ? output : OUT_DIR.resolve(notebook.getFileName());
    read(notebook);
    checkDestination(out);
    return runOne(notebook, out) ? ExitCode.OK : ExitCode.FAILED;
  }

  private int runAll() throws Exception {
    Path dir = output != null ? output : OUT_DIR;
    List<Path> books = notebooks();
    if (books.isEmpty()) {
      throw new BadInputException(NOTEBOOKS.toAbsolutePath() + ": no .ipynb files");
    }
    int failed = 0;
    for (Path nb : books) {
      if (!runOne(nb, dir.resolve(nb.getFileName()))) {
        failed++;
      }
    }
    if (failed > 0) {
      err().println("benchbook: " + failed + " of " + books.size() + " notebooks failed");
      err().flush();
    }
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }

  /** The notebooks under notebooks/, by name. */
  static List<Path> notebooks() throws IOException {
    if (!Files.isDirectory(NOTEBOOKS)) {
      throw new IOException("no notebooks/ folder under " + Path.of("").toAbsolutePath()
          + "; run from the repo root");
    }
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private boolean runOne(Path in, Path out) throws Exception {
    var input = read(in);
    if (Files.exists(out) && Files.isSameFile(in, out)) {
      throw new IllegalArgumentException("-o " + out + " is the input notebook; choose another "
          + "output (the input is never overwritten)");
    }
    long t0 = System.nanoTime();
    EvaluatorOptions options = EvaluatorOptions.defaults().withCellTimeout(timeout);
    boolean progress = timing || !quiet && System.console() != null;
    NotebookRunner.Result r = NotebookRunner.run(input, KeyValues.parse(parameters, "-p"),
        options,
        line -> {
          if (progress) {
            err().println(in.getFileName() + ": " + line);
            err().flush();
          }
        }, NotebookRunner.Settings.of(in).withTimings(timings));
    try {
      NotebookJson.write(r.notebook(), out);
    } catch (IOException e) {
      throw new IOException("cannot write the notebook " + out + ": " + e.getMessage(), e);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (r.failure().isPresent()) {
      err().println("benchbook: " + in + ": " + r.failure().get().summary());
      err().println("benchbook: the notebook up to the failing cell, with the error, is in "
          + out);
      err().flush();
      return false;
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "%s -> %s (%d code cells, %.1f s)%n", in,
        out, r.executed(), s);
    spec.commandLine().getOut().flush();
    return true;
  }

  /**
   * Fails with one line naming the output before any cell runs when the notebook could not be
   * written there: its folder is created when missing and a probe file is written and removed.
   */
  private static void checkDestination(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      throw new IOException("cannot write the notebook " + out + ": it is a folder; give a file "
          + "name ending in .ipynb");
    }
    Path folder = out.toAbsolutePath().getParent();
    try {
      ResultsWriter.checkWritable(folder, "folder");
    } catch (IOException e) {
      throw new IOException("cannot write the notebook " + out + ": " + e.getMessage()
          + "; nothing was run");
    }
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode read(Path in)
      throws BadInputException {
    try {
      return NotebookJson.read(in);
    } catch (NotebookFormatException e) {
      throw new BadInputException(e.getMessage() + nearMatch(in));
    }
  }

  /** {@code ; did you mean notebooks/x.ipynb?} when a notebook of that name exists there. */
  static String nearMatch(Path in) {
    if (Files.exists(in)) {
      return "";
    }
    Path there = NOTEBOOKS.resolve(in.getFileName());
    List<String> hints = new ArrayList<>();
    if (Files.exists(there)) {
      hints.add(there.toString());
    }
    Path named = NOTEBOOKS.resolve(in.getFileName() + ".ipynb");
    if (Files.exists(named)) {
      hints.add(named.toString());
    }
    return hints.isEmpty() ? "" : "; did you mean " + hints.get(0) + "?";
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
