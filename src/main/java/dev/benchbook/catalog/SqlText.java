package dev.benchbook.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SQLite tokenizer: enough to split statements, find their leading keywords and named
 * parameters, skipping comments, string literals and quoted identifiers. Not a parser.
 */
final class SqlText {

  /** What a token is. */
  enum Kind { WORD, STRING, QUOTED_NAME, PARAM, NUMBER, SYMBOL }

  /**
   * One token.
   *
   * @param kind the token's kind
   * @param text the token's text as written (for PARAM, including its prefix)
   * @param start offset of its first character
   * @param end offset after its last character
   */
  record Token(Kind kind, String text, int start, int end) {

    /** The text in upper case, for keyword comparisons. */
    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }

    /** True for a symbol token with exactly this text. */
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  private SqlText() {
  }

  /** The tokens of the SQL text, comments and white space left out. */
  static List<Token> tokens(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'') {
        i = add(out, Kind.STRING, sql, i, quoted(sql, i, '\''));
      } else if (c == '"' || c == '`') {
        i = add(out, Kind.QUOTED_NAME, sql, i, quoted(sql, i, c));
      } else if (c == '[') {
        int close = sql.indexOf(']', i);
        i = add(out, Kind.QUOTED_NAME, sql, i, close < 0 ? n : close + 1);
      } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isWordChar(sql.charAt(i + 1))) {
        i = add(out, Kind.PARAM, sql, i, wordEnd(sql, i + 1));
      } else if (c == '?') {
        int j = i + 1;
        while (j < n && Character.isDigit(sql.charAt(j))) {
          j++;
        }
        i = add(out, Kind.PARAM, sql, i, j);
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        i = add(out, Kind.NUMBER, sql, i, Math.max(i + 1, wordEnd(sql, i)));
      } else if (isWordChar(c)) {
        i = add(out, Kind.WORD, sql, i, wordEnd(sql, i));
      } else {
        i = add(out, Kind.SYMBOL, sql, i, i + 1);
      }
    }
    return out;
  }

  /** The statements of the text (split at top-level semicolons), without empty ones. */
  static List<List<Token>> statements(String sql) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    for (Token t : tokens(sql)) {
      if (t.is(";")) {
        if (!current.isEmpty()) {
          out.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** The source text of a statement's tokens, from its first to its last token. */
  static String source(String sql, List<Token> statement) {
    return sql.substring(statement.get(0).start(), statement.get(statement.size() - 1).end());
  }

  private static int add(List<Token> out, Kind kind, String sql, int start, int end) {
    out.add(new Token(kind, sql.substring(start, end), start, end));
    return end;
  }

  private static int lineEnd(String sql, int i) {
    int nl = sql.indexOf('\n', i);
    return nl < 0 ? sql.length() : nl + 1;
  }

  /** End of a quoted run starting at {@code i}; a doubled quote is an escaped quote. */
  private static int quoted(String sql, int i, char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }

  private static int wordEnd(String sql, int i) {
    int j = i;
    while (j < sql.length() && isWordChar(sql.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c > 127;
  }
}
