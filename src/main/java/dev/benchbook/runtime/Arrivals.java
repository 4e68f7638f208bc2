package dev.benchbook.runtime;

import java.util.Locale;

/**
 * Open-loop arrivals: transitions are started on a schedule at {@code ratePerS} per second,
 * whether or not the workers are free (a transition that cannot start on time waits in a
 * queue), instead of each worker starting its next transition when its last one ends.
 *
 * @param ratePerS requested transitions per second, in (0, {@value #MAX_RATE_PER_S}]
 * @param kind how inter-arrival times are drawn
 */
public record Arrivals(double ratePerS, Kind kind) {

  /** The highest rate accepted: above it the dispatcher itself would be what limits the rate. */
  public static final double MAX_RATE_PER_S = 1_000_000;

  /** How inter-arrival times are drawn. */
  public enum Kind {
    /** Every 1/rate seconds exactly. */
    CONSTANT,
    /** Exponential inter-arrival times of mean 1/rate (a Poisson process), seeded. */
    POISSON;

    /** The name on the command line and in results files: {@code constant} or {@code poisson}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code text} (case-insensitive); fails naming the two choices. */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.label().equalsIgnoreCase(text.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException("--arrivals must be constant or poisson, got '" + text
          + "'");
    }
  }

  /** Checks the rate, naming the flag. */
  public Arrivals {
    if (!(ratePerS > 0)) {
      throw new IllegalArgumentException("--rate must be > 0 per second, got " + text(ratePerS));
    }
    if (ratePerS > MAX_RATE_PER_S || Double.isInfinite(ratePerS)) {
      throw new IllegalArgumentException("--rate must be at most 1000000/s (the dispatcher "
          + "cannot start transitions faster), got " + text(ratePerS));
    }
    if (kind == null) {
      throw new IllegalArgumentException("arrivals need a kind (constant or poisson)");
    }
  }

  /**
   * Arrivals from the command line's text: a rate {@code N} or {@code N/s} (e.g. {@code 2000/s})
   * and a kind; fails with one line naming {@code --rate}.
   */
  public static Arrivals parse(String rate, String kind) {
    return new Arrivals(parseRate(rate), Kind.parse(kind));
  }

  /** A rate in {@code N} or {@code N/s} form, per second. */
  public static double parseRate(String text) {
    String t = text.trim();
    if (t.endsWith("/s")) {
      t = t.substring(0, t.length() - 2).trim();
    }
    try {
      double v = Double.parseDouble(t);
      if (Double.isNaN(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate must be a number of transitions per second "
          + "like 2000/s, got '" + text + "'");
    }
  }

  /** Mean time between arrivals, ns. */
  public double meanIntervalNs() {
    return 1e9 / ratePerS;
  }

  /** The rate as text, e.g. {@code 2000/s} or {@code 2.5/s}. */
  public String rateText() {
    return text(ratePerS) + "/s";
  }

  /** What a config id ends with at this rate, e.g. {@code -r2000}. */
  public String idSuffix() {
    return "-r" + text(ratePerS);
  }

  private static String text(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
