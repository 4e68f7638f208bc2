package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A cell's code cut into snippets the way a Java editor reads it: the whole remaining text is
 * analysed each time, so an expression continued on the next line ({@code .where(...)}) stays
 * one snippet. Statements end with {@code ;}; the last one may omit it.
 */
final class CellSource {

  /**
   * One snippet and where it starts in the cell.
   *
   * @param source the snippet as JShell evaluates it (may carry leading comments)
   * @param offset offset of its first character in the cell
   * @param completeness how JShell's analysis judged it ({@code UNKNOWN}: cannot be valid)
   */
  record Piece(String source, int offset, Completeness completeness) {

    /** False for a trailing piece that needs more lines. */
    boolean complete() {
      return completeness.isComplete();
    }
  }

  private CellSource() {
  }

  /** The snippets of {@code code} in order; an incomplete tail is the last piece. */
  static List<Piece> split(SourceCodeAnalysis analysis, String code) {
    List<Piece> pieces = new ArrayList<>();
    int pos = 0;
    while (pos < code.length()) {
      String rest = code.substring(pos);
      CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      if (!c.isComplete() || info.source() == null) {
        pieces.add(new Piece(rest, pos, c));
        break;
      }
      pieces.add(new Piece(info.source(), pos, c));
      int consumed = rest.length() - info.remaining().length();
      if (consumed <= 0) {
        break;
      }
      pos += consumed;
    }
    return pieces;
  }

  /**
   * True when the code ends with {@code ;} (comments and whitespace after it ignored): a final
   * expression written that way hides its value.
   */
  static boolean endsWithSemicolon(String code) {
    char last = 0;
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (code.startsWith("//", i)) {
        int nl = code.indexOf('\n', i);
        i = nl < 0 ? n : nl;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        i = skipLiteral(code, i);
        last = c;
      } else {
        if (!Character.isWhitespace(c)) {
          last = c;
        }
        i++;
      }
    }
    return last == ';';
  }

  /** The index after the string, text block or char literal starting at {@code start}. */
  private static int skipLiteral(String code, int start) {
    if (code.startsWith("\"\"\"", start)) {
      int end = code.indexOf("\"\"\"", start + 3);
      return end < 0 ? code.length() : end + 3;
    }
    char quote = code.charAt(start);
    int i = start + 1;
    while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
      i += code.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, code.length());
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineAt(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Line {@code line} (1-based) of {@code text}, or empty when out of range. */
  static String line(String text, int line) {
    List<String> lines = text.lines().toList();
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }
}
