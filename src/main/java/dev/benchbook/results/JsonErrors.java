package dev.benchbook.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors as one plain line for a user: what was expected and what was found,
 * with the line and column, never Jackson's class or setting names.
 */
public final class JsonErrors {

  private static final Pattern SOURCE = Pattern.compile(
      "\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)]");
  private static final Pattern FROM = Pattern.compile(",? ?\\(?from `[^`]*`\\)?");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) "
      + "['\"](.*)['\"]");
  private static final Pattern LIMIT = Pattern.compile(
      "(.*?) (?:length|depth) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  private JsonErrors() {
  }

  /** Where the error is, as {@code line L, column C}, or empty when Jackson did not say. */
  public static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column "
        + at.getColumnNr();
  }

  /** What went wrong, as {@code expected ..., found ...} on one line. */
  public static String what(JsonProcessingException e) {
    String why = firstLine(e.getOriginalMessage());
    Matcher dup = DUPLICATE.matcher(why);
    if (dup.find()) {
      return "expected each key once in an object, found \"" + dup.group(1) + "\" twice";
    }
    if (e instanceof StreamConstraintsException) {
      return limit(why);
    }
    return "expected valid JSON, found a syntax error: " + plain(why);
  }

  /** {@link #where} and {@link #what} as one line: {@code line 3, column 7: expected ...}. */
  public static String describe(JsonProcessingException e) {
    String where = where(e);
    return where.isEmpty() ? what(e) : where + ": " + what(e);
  }

  /** A Jackson message with its source locations and setting names taken out. */
  static String plain(String message) {
    Matcher m = SOURCE.matcher(message);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement("line " + m.group(1) + ", column "
          + m.group(2)));
    }
    m.appendTail(b);
    return FROM.matcher(b.toString()).replaceAll("").strip();
  }

  private static String limit(String why) {
    Matcher m = LIMIT.matcher(why);
    if (!m.find()) {
      return "expected a JSON document within the reader's limits, found " + plain(why);
    }
    String what = m.group(1).toLowerCase(java.util.Locale.ROOT);
    if (what.contains("nesting")) {
      return "expected objects and arrays nested at most " + m.group(3) + " deep, found "
          + m.group(2) + " levels";
    }
    return "expected a " + what.replace(" value", "") + " of at most " + m.group(3)
        + " characters, found " + m.group(2);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
