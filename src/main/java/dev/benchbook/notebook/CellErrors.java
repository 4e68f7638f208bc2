package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/** Builds a {@link CellError} from a rejected snippet or an exception, with its cell line. */
final class CellErrors {

  private CellErrors() {
  }

  /** The first error the compiler reported for a rejected snippet. */
  static CellError rejected(JShell shell, Snippet snippet, String cell, int offset) {
    List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
    if (errors.isEmpty()) {
      String unresolved = unresolved(shell, snippet);
      int line = firstCodeLine(cell, offset);
      return compilation(unresolved.isEmpty() ? "the snippet was not accepted" : unresolved,
          line, cell, -1);
    }
    Diag first = errors.get(0);
    long pos = first.getStartPosition() >= 0 ? first.getStartPosition() : first.getPosition();
    int at = offset + (int) Math.max(0, pos);
    int line = CellSource.lineAt(cell, at);
    int column = at - cell.lastIndexOf('\n', at - 1) - 1;
    return compilation(clean(first.getMessage(Locale.ROOT)), line, cell, column);
  }

  /** A variable or class whose declaration names an unknown type or symbol. */
  static String unresolved(JShell shell, Snippet snippet) {
    if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
      List<String> names = shell.unresolvedDependencies(d).toList();
      return names.isEmpty() ? "" : "cannot find symbol: " + String.join(", ", names);
    }
    return "";
  }

  static CellError compilation(String message, int line, String cell, int column) {
    List<String> tb = new ArrayList<>();
    tb.add(CellError.COMPILATION + ": " + message);
    String code = CellSource.line(cell, line);
    tb.add("cell line " + line + ": " + code);
    if (column >= 0 && column <= code.length()) {
      tb.add(" ".repeat(("cell line " + line + ": ").length() + column) + "^");
    }
    return new CellError(CellError.COMPILATION, message, line, tb);
  }

  /** An exception thrown by a snippet: its class, message and the cell line it came from. */
  static CellError thrown(JShell shell, JShellException e, Map<String, Integer> firstLines,
      String cell, int fallbackLine) {
    String name = name(e);
    String message = message(shell, e);
    int line = cellLine(e, firstLines, fallbackLine);
    List<String> tb = new ArrayList<>();
    tb.add(name + (message.isEmpty() ? "" : ": " + message));
    if (line > 0) {
      tb.add("cell line " + line + ": " + CellSource.line(cell, line));
    }
    tb.addAll(frames(e));
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      String cm = c instanceof JShellException je ? message(shell, je) : c.getMessage();
      tb.add("Caused by: " + (c instanceof JShellException je ? name(je) : c.getClass().getName())
          + (cm == null || cm.isEmpty() ? "" : ": " + cm));
    }
    return new CellError(name, message, line, tb);
  }

  /** A cell stopped by its timeout or an interrupt, at the snippet that was running. */
  static CellError stopped(String name, String message, String cell, int offset) {
    int line = firstCodeLine(cell, offset);
    return new CellError(name, message, line, List.of(name + ": " + message,
        "cell line " + line + ": " + CellSource.line(cell, line)));
  }

  private static String name(JShellException e) {
    if (e instanceof EvalException ee) {
      return ee.getExceptionClassName();
    }
    return e.getClass().getName();
  }

  private static String message(JShell shell, JShellException e) {
    if (e instanceof UnresolvedReferenceException u) {
      String missing = unresolved(shell, u.getSnippet());
      return u.getSnippet().source().strip().lines().findFirst().orElse("")
          + " cannot run yet" + (missing.isEmpty() ? "" : ": " + missing);
    }
    return e.getMessage() == null ? "" : e.getMessage();
  }

  /**
   * The innermost stack frame in a snippet of this cell, as a cell line. JShell names a snippet's
   * frames {@code #id} and counts lines from the snippet's first line of code.
   */
  private static int cellLine(JShellException e, Map<String, Integer> firstLines,
      int fallbackLine) {
    for (StackTraceElement f : e.getStackTrace()) {
      String file = f.getFileName();
      if (file != null && file.startsWith("#") && f.getLineNumber() > 0) {
        Integer first = firstLines.get(file.substring(1));
        if (first != null) {
          return first + f.getLineNumber() - 1;
        }
      }
    }
    return fallbackLine;
  }

  /** Stack frames down to the last one in the cell ({@code #id} files name cell snippets). */
  private static List<String> frames(JShellException e) {
    StackTraceElement[] st = e.getStackTrace();
    int last = -1;
    for (int i = 0; i < st.length; i++) {
      if (st[i].getFileName() != null && st[i].getFileName().startsWith("#")) {
        last = i;
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      out.add("\tat " + st[i]);
    }
    return out;
  }

  /** The line of the first character that is not blank or part of a comment. */
  static int firstCodeLine(String cell, int offset) {
    int i = offset;
    while (i < cell.length()) {
      if (Character.isWhitespace(cell.charAt(i))) {
        i++;
      } else if (cell.startsWith("//", i)) {
        int nl = cell.indexOf('\n', i);
        i = nl < 0 ? cell.length() : nl + 1;
      } else if (cell.startsWith("/*", i)) {
        int end = cell.indexOf("*/", i + 2);
        i = end < 0 ? cell.length() : end + 2;
      } else {
        break;
      }
    }
    return CellSource.lineAt(cell, Math.min(i, cell.length()));
  }

  /** Drops javac's empty {@code location: class } line (snippets live in a nameless class). */
  private static String clean(String message) {
    return message.lines().filter(l -> !l.strip().equals("location: class"))
        .collect(Collectors.joining("\n")).strip();
  }
}
