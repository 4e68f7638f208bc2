package dev.benchbook.notebook;

import java.util.List;

/**
 * Why a cell stopped.
 *
 * @param name the Java exception class (e.g. {@code java.lang.IllegalArgumentException}),
 *     {@code CompilationError} for a rejected snippet, {@code CellTimeout} or
 *     {@code CellInterrupted} for a stopped cell
 * @param message the exception's or the compiler's message
 * @param line 1-based line in the cell where it happened (0 when unknown)
 * @param traceback the lines to show: the error, the cell line, the stack inside the cell
 */
public record CellError(String name, String message, int line, List<String> traceback) {

  /** Name of a rejected snippet's error. */
  public static final String COMPILATION = "CompilationError";
  /** Name of a cell stopped by its timeout. */
  public static final String TIMEOUT = "CellTimeout";
  /** Name of a cell stopped by {@link Evaluator#interrupt()}. */
  public static final String INTERRUPTED = "CellInterrupted";

  /** Copies the traceback. */
  public CellError {
    traceback = List.copyOf(traceback);
  }

  /**
   * One line: {@code line 3: CompilationError: cannot find symbol (symbol: variable x)}, the
   * message's first line and, for a compile error, the symbol it names.
   */
  public String summary() {
    String first = message.lines().findFirst().orElse("");
    return (line > 0 ? "line " + line + ": " : "") + name + (first.isEmpty() ? "" : ": " + first)
        + symbol();
  }

  /** javac's {@code symbol: variable x} line of the message as {@code  (symbol: variable x)}. */
  private String symbol() {
    return message.lines().skip(1).map(String::strip).filter(l -> l.startsWith("symbol:"))
        .findFirst().map(l -> " (" + l.replaceAll("\\s+", " ") + ")").orElse("");
  }
}
