package dev.benchbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.api.Inputs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a notebook headless in a fresh {@link Evaluator}: code cells in order, outputs and
 * execution counts written into a copy of the notebook (nbformat 4), the {@code -p} values
 * injected after the cell tagged {@code parameters}. The first failing cell stops the run; the
 * copy then holds the outputs so far and the error.
 */
public final class NotebookRunner {

  /**
   * The cell that stopped a run.
   *
   * @param cell 1-based position among the source notebook's cells (the injected parameters
   *     cell not counted), or the parameters cell's position when the injected one failed
   * @param codeCell 1-based position among the source notebook's code cells
   * @param injected true when the cell that failed is the injected parameters cell
   * @param error what stopped it
   */
  public record Failure(int cell, int codeCell, CellError error, boolean injected) {

    /** A failure in a cell of the notebook's own source. */
    public Failure(int cell, int codeCell, CellError error) {
      this(cell, codeCell, error, false);
    }

    /**
     * {@code cell 5 (code cell 3), line 2: java.lang.IllegalArgumentException: ...}, or
     * {@code the injected parameters cell (after cell 2), line 1: ...}.
     */
    public String summary() {
      if (injected) {
        return "the injected parameters cell (after cell " + cell + "), " + error.summary();
      }
      return "cell " + cell + " (code cell " + codeCell + "), " + error.summary();
    }
  }

  /**
   * A finished run.
   *
   * @param notebook the notebook with outputs
   * @param failure the cell that stopped the run, if one did
   * @param executed how many code cells ran (including a failed one)
   */
  public record Result(ObjectNode notebook, Optional<Failure> failure, int executed) {

    /** True when every code cell ran without error. */
    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /**
   * How a run records itself in the written notebook's metadata ({@code metadata.benchbook}).
   *
   * @param notebook the input notebook's path, named in the record when known
   * @param timings whether to record start, end and duration of the run and of each code cell
   *     (off by default: the same code and data then give the same bytes)
   */
  public record Settings(Optional<Path> notebook, boolean timings) {

    /** Validates. */
    public Settings {
      notebook = notebook == null ? Optional.empty() : notebook;
    }

    /** The record for a notebook file, without times. */
    public static Settings of(Path notebook) {
      return new Settings(Optional.of(notebook), false);
    }

    /** The same with times recorded or not. */
    public Settings withTimings(boolean on) {
      return new Settings(notebook, on);
    }
  }

  private NotebookRunner() {
  }

  /**
   * Runs {@code input} (not modified) with the given parameters; {@code progress} receives one
   * line per code cell when it ends, with its run time.
   */
  public static Result run(ObjectNode input, Map<String, String> parameters,
      EvaluatorOptions options, Consumer<String> progress) {
    return run(input, parameters, options, progress, (count, value) -> { },
        new Settings(Optional.empty(), false));
  }

  /**
   * As {@link #run(ObjectNode, Map, EvaluatorOptions, Consumer)}, and records how the notebook
   * was made in its metadata: benchbook's version and commit, the parameters, every input file
   * the facade read with its SHA-256, and times when {@code settings} asks for them.
   */
  public static Result run(ObjectNode input, Map<String, String> parameters,
      EvaluatorOptions options, Consumer<String> progress, Settings settings) {
    return run(input, parameters, options, progress, (count, value) -> { }, settings);
  }

  /**
   * Runs {@code input} as {@link #run(ObjectNode, Map, EvaluatorOptions, Consumer)} does, also
   * handing {@code results} each result's value with its execution count (before display).
   */
  static Result run(ObjectNode input, Map<String, String> parameters,
      EvaluatorOptions options, Consumer<String> progress, BiConsumer<Integer, Object> results) {
    return run(input, parameters, options, progress, results,
        new Settings(Optional.empty(), false));
  }

  /** The run with result values handed to {@code results} and the record {@code settings} asks. */
  static Result run(ObjectNode input, Map<String, String> parameters,
      EvaluatorOptions options, Consumer<String> progress, BiConsumer<Integer, Object> results,
      Settings settings) {
    ArrayNode cells = (ArrayNode) input.get("cells");
    Optional<Integer> paramsCell = parametersCell(cells);
    if (!parameters.isEmpty() && paramsCell.isEmpty()) {
      throw new IllegalArgumentException("the notebook has no cell tagged 'parameters', so -p "
          + "cannot set " + String.join(", ", parameters.keySet()));
    }
    ObjectNode nb = input.deepCopy();
    Instant start = Instant.now();
    try (Inputs.Recording inputs = Inputs.record(); Evaluator eval = Evaluator.start(options)) {
      Run run = new Run(eval, nb, parameters, progress, results, count(cells),
          settings.timings());
      Result result = run.all(cells);
      ObjectNode record = Provenance.of(settings.notebook(), run.typedParameters,
          inputs.files());
      if (settings.timings()) {
        Provenance.times(record, start, Instant.now());
      }
      nb.with("metadata").set(Provenance.KEY, record);
      return result;
    }
  }

  /** Index of the first cell tagged {@code parameters}. */
  static Optional<Integer> parametersCell(ArrayNode cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (NotebookJson.tags(cells.get(i)).contains(Parameters.TAG)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static int count(ArrayNode cells) {
    int n = 0;
    for (JsonNode c : cells) {
      if (isCode(c) && !NotebookJson.source(c).isBlank()) {
        n++;
      }
    }
    return n;
  }

  private static boolean isCode(JsonNode cell) {
    return cell.path("cell_type").asText().equals("code");
  }

  /** One run's state: the evaluator, the cells written so far, the counters. */
  private static final class Run {

    private final Evaluator eval;
    private final ObjectNode nb;
    private final ArrayNode out;
    private final Map<String, String> parameters;
    private final Consumer<String> progress;
    private final BiConsumer<Integer, Object> results;
    private final int total;
    private final boolean timings;
    private Map<String, Object> typedParameters;
    private int executed;
    private int codeCells;
    private int sourceCells;
    private int sourceCodeCells;
    private Failure failure;

    Run(Evaluator eval, ObjectNode nb, Map<String, String> parameters,
        Consumer<String> progress, BiConsumer<Integer, Object> results, int total,
        boolean timings) {
      this.eval = eval;
      this.timings = timings;
      this.typedParameters = new LinkedHashMap<>(parameters);
      this.nb = nb;
      this.out = nb.putArray("cells");
      this.parameters = parameters;
      this.progress = progress;
      this.results = results;
      this.total = total + (parameters.isEmpty() ? 0 : 1);
    }

    Result all(ArrayNode cells) {
      for (JsonNode in : cells) {
        if (NotebookJson.tags(in).contains(Parameters.INJECTED_TAG)) {
          continue;
        }
        ObjectNode cell = ((ObjectNode) in).deepCopy();
        if (cell.path("metadata") instanceof ObjectNode meta) {
          meta.remove(Provenance.KEY);
        }
        out.add(cell);
        sourceCells++;
        if (!isCode(cell)) {
          continue;
        }
        codeCells++;
        sourceCodeCells++;
        cell.putArray("outputs");
        cell.putNull("execution_count");
        if (failure == null) {
          execute(cell, false);
        }
        if (failure == null && !parameters.isEmpty()
            && NotebookJson.tags(cell).contains(Parameters.TAG)) {
          ObjectNode injected = injected(cell);
          out.add(injected);
          codeCells++;
          execute(injected, true);
        }
      }
      return new Result(nb, Optional.ofNullable(failure), executed);
    }

    private void execute(ObjectNode cell, boolean injectedCell) {
      String source = NotebookJson.source(cell);
      if (source.isBlank()) {
        return;
      }
      executed++;
      CellOutputs outputs = new CellOutputs();
      long t0 = System.nanoTime();
      Instant start = Instant.now();
      CellOutcome outcome = eval.execute(source, outputs);
      if (timings) {
        ObjectNode times = cell.with("metadata").putObject(Provenance.KEY);
        Provenance.times(times, start, Instant.now());
      }
      progress.accept(String.format(Locale.ROOT, "code cell %d/%d %s in %.3f s", executed, total,
          outcome.ok() ? "ran" : "failed", (System.nanoTime() - t0) / 1e9));
      outcome.result().ifPresent(r -> {
        outputs.result(r, executed);
        results.accept(executed, eval.lastValue());
      });
      outcome.error().ifPresent(e -> {
        outputs.error(e);
        failure = new Failure(sourceCells, sourceCodeCells, e, injectedCell);
      });
      cell.set("outputs", outputs.json());
      cell.put("execution_count", executed);
    }

    private ObjectNode injected(ObjectNode paramsCell) {
      ObjectNode cell = out.objectNode();
      cell.put("cell_type", "code");
      cell.putNull("execution_count");
      if (paramsCell.has("id")) {
        cell.put("id", Parameters.INJECTED_TAG);
      }
      cell.putObject("metadata").putArray("tags").add(Parameters.INJECTED_TAG);
      cell.putArray("outputs");
      Map<String, String> declared = eval.variables();
      cell.set("source", NotebookJson.lines(Parameters.cell(parameters, declared)));
      typedParameters = Parameters.typed(parameters, declared);
      return cell;
    }
  }
}
