package dev.benchbook.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cells executed in this kernel session, answering Jupyter's history requests (tail, range,
 * glob search) as IPython does; nothing is kept across sessions.
 */
final class SessionHistory {

  /** The session number in replies; 0 in a request also means this session. */
  static final int SESSION = 1;

  /**
   * One executed cell.
   *
   * @param line the execution count
   * @param input the cell's code
   * @param output the text/plain of its result, when it had one
   */
  record Entry(int line, String input, Optional<String> output) {
  }

  private final List<Entry> entries = new ArrayList<>();

  /** Records a cell as it starts. */
  synchronized void add(int line, String input) {
    entries.add(new Entry(line, input, Optional.empty()));
  }

  /** Records the result text of the cell with execution count {@code line}. */
  synchronized void output(int line, String text) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).line() == line) {
        entries.set(i, new Entry(line, entries.get(i).input(), Optional.of(text)));
        return;
      }
    }
  }

  /** The last {@code n} cells. */
  synchronized List<Entry> tail(int n) {
    return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)),
        entries.size()));
  }

  /**
   * Cells with {@code start <= line < stop} of session {@code session} (this one is
   * {@link #SESSION} or 0; earlier sessions are not kept); a stop of 0 or less means the end.
   */
  synchronized List<Entry> range(int session, int start, int stop) {
    if (session != SESSION && session != 0) {
      return List.of();
    }
    return entries.stream()
        .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
        .toList();
  }

  /**
   * The last {@code n} cells (all when {@code n <= 0}) whose whole input matches the SQLite glob
   * {@code pattern}; with {@code unique}, only the latest of identical inputs.
   */
  synchronized List<Entry> search(String pattern, int n, boolean unique) {
    Pattern glob = glob(pattern);
    List<Entry> matches = entries.stream().filter(e -> glob.matcher(e.input()).matches())
        .toList();
    if (unique) {
      Map<String, Entry> latest = new LinkedHashMap<>();
      for (Entry e : matches) {
        latest.remove(e.input());
        latest.put(e.input(), e);
      }
      matches = List.copyOf(latest.values());
    }
    return n <= 0 ? matches : matches.subList(Math.max(0, matches.size() - n), matches.size());
  }

  /** SQLite GLOB: {@code *}, {@code ?}, {@code [...]} and {@code [^...]}, case-sensitive. */
  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (close > 0) {
        String set = pattern.substring(i + 1, close);
        boolean negated = set.startsWith("^");
        regex.append('[').append(negated ? "^" : "")
            .append(set.substring(negated ? 1 : 0).replace("\\", "\\\\").replace("[", "\\["))
            .append(']');
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
