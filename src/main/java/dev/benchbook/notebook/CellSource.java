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
