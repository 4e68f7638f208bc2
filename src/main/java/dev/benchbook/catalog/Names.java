package dev.benchbook.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The nearest known name to a mistyped one, for "did you mean ...?" hints. */
final class Names {

  private Names() {
  }

  /**
   * The candidate closest to {@code given} by edit distance (case ignored), when it is close
   * enough to be a typo: at most a third of the longer name's length, and at least 1 edit away.
   */
  static Optional<String> nearest(String given, Collection<String> candidates) {
    String g = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(g, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(2, Math.max(given.length(), best.length()) / 3);
    boolean prefix = best.toLowerCase(Locale.ROOT).startsWith(g) && g.length() >= 3;
    return bestDistance <= limit || prefix ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
