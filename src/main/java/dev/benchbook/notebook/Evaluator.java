package dev.benchbook.notebook;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * In-process JShell evaluator: one per notebook run or kernel session. Code runs in this JVM
 * with the host class path and the {@link DefaultImports}; a cell is parsed as a whole, its
 * snippets run in order, the first rejected snippet or exception stops it, and the value of its
 * last expression (written without a closing {@code ;}) is its result, displayed by the
 * {@link Display} rules. Unlike the jshell tool, a cell does not keep its expressions' values
 * as {@code $1}, {@code $2}...: assign one to a variable to use it in a later cell.
 */
public final class Evaluator implements AutoCloseable {

  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final KeepingExecutionControl control;
  private final EvaluatorOptions options;
  private final ScheduledExecutorService watchdog;
  private final Object lock = new Object();
  private volatile String stopReason;
  private volatile boolean running;

  private Evaluator(EvaluatorOptions options) {
    this.options = options;
    CellStreams.install();
    control = new KeepingExecutionControl();
    PrintStream out = System.out;
    PrintStream err = System.err;
    shell = JShell.builder().executionEngine(new KeepingProvider(control), Map.of())
        .out(out).err(err).build();
    analysis = shell.sourceCodeAnalysis();
    for (String entry : hostClasspath()) {
      shell.addToClasspath(entry);
    }
    for (Path p : options.extraClasspath()) {
      shell.addToClasspath(p.toAbsolutePath().toString());
    }
    watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "benchbook-cell-timeout");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts a session: host class path visible to the compiler, default imports evaluated. */
  public static Evaluator start(EvaluatorOptions options) {
    Evaluator e = new Evaluator(options);
    for (String imp : DefaultImports.IMPORTS) {
      for (SnippetEvent ev : e.shell.eval(imp)) {
        if (ev.status() == Snippet.Status.REJECTED) {
          e.close();
          throw new IllegalStateException("default import rejected: " + imp
              + "; is the benchbook jar on the class path?");
        }
      }
    }
    return e;
  }

  /**
   * Runs a cell: {@code %jars}/{@code %classpath} lines first, then its snippets in order until
   * the first rejected snippet or exception; output goes to {@code listener} as it is printed.
   */
  public CellOutcome execute(String cell, CellListener listener) {
    synchronized (lock) {
      stopReason = null;
      control.clearStop();
      running = true;
      CellStreams.begin(listener);
      ScheduledFuture<?> timer = startTimer();
      try {
        Optional<CellError> magicError = runMagics(cell);
        if (magicError.isPresent()) {
          return CellOutcome.failure(magicError.get());
        }
        return runSnippets(Magics.strip(cell));
      } finally {
        if (timer != null) {
          timer.cancel(false);
        }
        running = false;
        CellStreams.end();
      }
    }
  }

  /** The value of the last expression the session evaluated (what a cell's result shows). */
  Object lastValue() {
    return control.lastValue();
  }

  /** Stops the running cell from another thread; the session and its variables stay. */
  public void interrupt() {
    stop(CellError.INTERRUPTED, "the cell was interrupted");
  }

  private void stop(String name, String message) {
    if (running) {
      stopReason = name + "\n" + message;
      shell.stop();
    }
  }

  private ScheduledFuture<?> startTimer() {
    Duration t = options.cellTimeout();
    if (t.isZero()) {
      return null;
    }
    return watchdog.schedule(() -> stop(CellError.TIMEOUT, "the cell ran longer than "
        + human(t) + " and was stopped"), t.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Optional<CellError> runMagics(String cell) {
    for (Magics.Magic m : Magics.find(cell)) {
      try {
        for (Path p : Magics.entries(m, options.workingDir())) {
          shell.addToClasspath(p.toAbsolutePath().toString());
        }
      } catch (IllegalArgumentException e) {
        return Optional.of(new CellError("MagicError", e.getMessage(), m.line(),
            List.of("MagicError: " + e.getMessage(),
                "cell line " + m.line() + ": " + CellSource.line(cell, m.line()))));
      }
    }
    return Optional.empty();
  }

  /**
   * Runs the cell's snippets, then drops the temporary variables JShell made for its
   * expressions ({@code $1}, {@code $2}...): a cell's value is shown, not kept, because every
   * kept one is imported into each later snippet's class and made each later cell's compile
   * slower (docs/PERFORMANCE.md, "Jupyter kernel").
   */
  private CellOutcome runSnippets(String cell) {
    List<Snippet> temporaries = new ArrayList<>();
    try {
      return runSnippets(cell, temporaries);
    } finally {
      for (Snippet s : temporaries) {
        shell.drop(s);
      }
    }
  }

  private CellOutcome runSnippets(String cell, List<Snippet> temporaries) {
    List<CellSource.Piece> pieces = CellSource.split(analysis, cell);
    Optional<DisplayData> result = Optional.empty();
    Map<String, Integer> firstLines = new HashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      CellSource.Piece piece = pieces.get(i);
      Optional<CellError> stopped = stopped(cell, piece.offset());
      if (stopped.isPresent()) {
        return CellOutcome.failure(stopped.get());
      }
      List<SnippetEvent> events = shell.eval(piece.source());
      CellStreams.flush();
      SnippetEvent main = null;
      int firstLine = CellErrors.firstCodeLine(cell, piece.offset());
      for (SnippetEvent e : events) {
        if (e.causeSnippet() == null) {
          main = e;
          if (e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            temporaries.add(e.snippet());
          }
          firstLines.put(e.snippet().id(), firstLine);
          Optional<CellError> error = check(e, cell, piece.offset(), firstLines);
          if (error.isPresent()) {
            return CellOutcome.failure(error.get());
          }
        }
      }
      stopped = stopped(cell, piece.offset());
      if (stopped.isPresent()) {
        return CellOutcome.failure(stopped.get());
      }
      if (i == pieces.size() - 1 && main != null && shows(piece, main.snippet())) {
        Object value = control.lastValue();
        result = value == null ? Optional.empty() : Optional.of(Display.of(value));
      }
    }
    return CellOutcome.success(result);
  }

  private Optional<CellError> stopped(String cell, int offset) {
    String reason = stopReason;
    if (reason == null) {
      return Optional.empty();
    }
    String[] parts = reason.split("\n", 2);
    return Optional.of(CellErrors.stopped(parts[0], parts[1], cell, offset));
  }

  private Optional<CellError> check(SnippetEvent e, String cell, int offset,
      Map<String, Integer> firstLines) {
    Snippet.Status status = e.status();
    if (status == Snippet.Status.REJECTED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      return Optional.of(CellErrors.rejected(shell, e.snippet(), cell, offset));
    }
    if (status == Snippet.Status.RECOVERABLE_DEFINED) {
      System.err.println("warning: " + CellErrors.unresolved(shell, e.snippet())
          + "; it can be used once that is declared");
    }
    if (e.exception() != null) {
      return Optional.of(CellErrors.thrown(shell, e.exception(), firstLines, cell,
          firstLines.get(e.snippet().id())));
    }
    return Optional.empty();
  }

  /**
   * The last snippet shows its value when it is an expression (also a bare variable name; not an
   * assignment or declaration) written without a closing {@code ;}: as in IPython, a final
   * {@code ;} hides it ({@code System.out.printf(...);} shows no PrintStream).
   */
  private static boolean shows(CellSource.Piece piece, Snippet s) {
    if (CellSource.endsWithSemicolon(piece.source())) {
      return false;
    }
    return switch (s.subKind()) {
      case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
      default -> false;
    };
  }

  /** Whether {@code code} can run as it is, needs more lines, or cannot be completed. */
  public Completeness isComplete(String code) {
    synchronized (lock) {
      String rest = Magics.strip(code);
      for (CellSource.Piece p : CellSource.split(analysis, rest)) {
        if (p.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN) {
          return new Completeness(Completeness.Status.INVALID, "");
        }
        if (!p.complete()) {
          return new Completeness(Completeness.Status.INCOMPLETE, indent(p.source()));
        }
      }
      return new Completeness(Completeness.Status.COMPLETE, "");
    }
  }

  private static String indent(String source) {
    List<String> lines = source.lines().toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    String lead = last.substring(0, last.length() - last.stripLeading().length());
    return last.strip().endsWith("{") ? lead + "    " : lead;
  }

  /** Completion candidates at {@code cursor}, inside the snippet that holds it. */
  public Completions complete(String code, int cursor) {
    synchronized (lock) {
      CellSource.Piece p = pieceAt(code, cursor);
      int rel = Math.max(0, Math.min(cursor - p.offset(), p.source().length()));
      int[] anchor = new int[1];
      List<Suggestion> suggestions = analysis.completionSuggestions(p.source(), rel, anchor);
      Set<String> matches = new LinkedHashSet<>();
      suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(
          s.continuation()));
      suggestions.forEach(s -> matches.add(s.continuation()));
      return new Completions(p.offset() + anchor[0], cursor, new ArrayList<>(matches));
    }
  }

  /** The signature and documentation of the symbol at {@code cursor}, when there is one. */
  public Optional<DisplayData> inspect(String code, int cursor) {
    synchronized (lock) {
      CellSource.Piece p = pieceAt(code, cursor);
      int rel = Math.max(0, Math.min(cursor - p.offset(), p.source().length()));
      List<Documentation> docs = documentation(p.source(), rel);
      if (docs.isEmpty()) {
        return Optional.empty();
      }
      StringBuilder text = new StringBuilder();
      for (Documentation d : docs) {
        text.append(d.signature()).append('\n');
        String doc = d.javadoc() != null && !d.javadoc().isBlank() ? d.javadoc().strip()
            : Javadocs.of(d.signature(), DefaultImports.packages()).orElse("");
        if (!doc.isEmpty()) {
          text.append(doc).append("\n\n");
        }
      }
      return Optional.of(DisplayData.text(text.toString().strip()));
    }
  }

  /**
   * JShell documents a method only with the cursor inside its argument list: on a name, ask as
   * if {@code (} followed it; else as the code stands (classes, variables).
   */
  private List<Documentation> documentation(String source, int cursor) {
    int end = cursor;
    while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
      end++;
    }
    List<Documentation> asCall = analysis.documentation(source.substring(0, end) + "(", end + 1,
        true);
    return asCall.isEmpty() ? analysis.documentation(source, end, true) : asCall;
  }

  /** The snippet holding {@code cursor} (the last one starting at or before it). */
  private CellSource.Piece pieceAt(String code, int cursor) {
    String stripped = Magics.strip(code);
    CellSource.Piece found = new CellSource.Piece(stripped, 0,
        SourceCodeAnalysis.Completeness.UNKNOWN);
    for (CellSource.Piece p : CellSource.split(analysis, stripped)) {
      if (p.offset() <= cursor) {
        found = p;
      }
    }
    return found;
  }

  /** The session's variables: name to declared type (e.g. {@code files -> int}), in order. */
  public Map<String, String> variables() {
    synchronized (lock) {
      Map<String, String> vars = new LinkedHashMap<>();
      shell.variables().filter(v -> shell.status(v).isActive())
          .forEach((VarSnippet v) -> vars.put(v.name(), v.typeName()));
      return vars;
    }
  }

  /**
   * System.out as it was before evaluators routed the process's output to cells: the host's own
   * output (a CLI's messages, a kernel's log) goes here so it never lands in a cell.
   */
  public static PrintStream hostOut() {
    return CellStreams.originalOut();
  }

  /** System.err as it was before evaluators routed it (see {@link #hostOut()}). */
  public static PrintStream hostErr() {
    return CellStreams.originalErr();
  }

  /** Ends the session and frees the compiler; the process streams are left routed. */
  @Override
  public void close() {
    watchdog.shutdownNow();
    shell.close();
  }

  private static List<String> hostClasspath() {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        out.add(entry);
      }
    }
    return out;
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
