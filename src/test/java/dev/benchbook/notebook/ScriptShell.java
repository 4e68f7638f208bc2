package dev.benchbook.notebook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * An in-process JShell (local execution engine, the test class path) that evaluates scripts the
 * way the {@code jshell} tool does: line by line, a snippet ending as soon as the lines so far
 * are complete. Snippet output is captured; a rejected snippet or an exception fails.
 */
final class ScriptShell implements AutoCloseable {

  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);

  ScriptShell() {
    shell = JShell.builder().executionEngine("local").out(tee).err(tee).build();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        shell.addToClasspath(entry);
      }
    }
    analysis = shell.sourceCodeAnalysis();
  }

  /** Everything the snippets printed so far. */
  String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /**
   * Evaluates a script; {@code /command} lines and {@code %magic} lines between snippets are
   * skipped. Fails naming {@code where} and the snippet on the first problem.
   */
  void run(String where, String script) {
    String pending = "";
    for (String line : script.split("\n", -1)) {
      String trimmed = line.trim();
      if (pending.isBlank() && (trimmed.startsWith("/") && !trimmed.startsWith("//")
          || trimmed.startsWith("%"))) {
        continue;
      }
      pending = pending + line + "\n";
      pending = evalComplete(where, pending);
    }
    if (!pending.isBlank() && !analysis.analyzeCompletion(pending).completeness()
        .equals(SourceCodeAnalysis.Completeness.EMPTY)) {
      throw new AssertionError(where + ": incomplete snippet at the end:\n" + pending);
    }
  }

  private String evalComplete(String where, String pending) {
    String rest = pending;
    while (true) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        return "";
      }
      if (!info.completeness().isComplete()) {
        return rest;
      }
      eval(where, info.source());
      rest = info.remaining();
    }
  }

  private void eval(String where, String source) {
    PrintStream hostOut = System.out;
    List<SnippetEvent> events;
    System.setOut(tee);
    try {
      events = shell.eval(source);
    } finally {
      System.out.flush();
      System.setOut(hostOut);
    }
    for (SnippetEvent e : events) {
      if (e.causeSnippet() == null) {
        check(where, source, e);
      }
    }
  }

  private void check(String where, String source, SnippetEvent e) {
    if (e.status() == Snippet.Status.REJECTED
        || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
        || e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
      String diags = shell.diagnostics(e.snippet()).map(ScriptShell::describe)
          .collect(Collectors.joining("\n"));
      throw new AssertionError(where + ": snippet " + e.status() + ":\n" + source
          + "\n" + diags + unresolved(e.snippet()));
    }
    if (e.exception() != null) {
      AssertionError failure = new AssertionError(where + ": snippet threw "
          + exceptionName(e.exception()) + ": " + e.exception().getMessage() + "\n" + source
          + "\noutput so far:\n" + output(), e.exception());
      throw failure;
    }
  }

  private String unresolved(Snippet s) {
    if (s instanceof jdk.jshell.DeclarationSnippet) {
      List<String> names = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s)
          .toList();
      return names.isEmpty() ? "" : "\nunresolved: " + names;
    }
    return "";
  }

  private static String exceptionName(Exception e) {
    return e instanceof EvalException ? ((EvalException) e).getExceptionClassName()
        : e.getClass().getName();
  }

  private static String describe(Diag d) {
    return (d.isError() ? "error: " : "warning: ") + d.getMessage(Locale.ROOT);
  }

  @Override
  public void close() {
    shell.close();
  }
}
