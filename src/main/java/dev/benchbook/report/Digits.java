package dev.benchbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures printed with enough digits to show the change they describe. */
final class Digits {

  /** Significant digits of each figure, at least. */
  static final int SIGNIFICANT = 3;
  private static final int MAX_EXTRA = 6;

  private Digits() {
  }

  /**
   * Two figures, each with {@value #SIGNIFICANT} significant digits (all integer digits from 100
   * up; trailing zeros kept, they are significant), and with more decimals when they would
   * otherwise print the same while they differ: {@code 0.0137} and {@code 0.0164}, not
   * {@code 0.01} and {@code 0.01}; {@code 2.501} and {@code 2.504}, not {@code 2.5} and {@code 2.5}.
   */
  static String[] pair(double a, double b) {
    for (int extra = 0; ; extra++) {
      String x = format(a, extra);
      String y = format(b, extra);
      if (a == b || !x.equals(y) || extra == MAX_EXTRA) {
        return new String[] {x, y};
      }
    }
  }

  /** One figure with {@value #SIGNIFICANT} significant digits plus {@code extra} decimals. */
  static String format(double v, int extra) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    int magnitude = (int) Math.floor(Math.log10(Math.abs(v)));
    int decimals = Math.max(0, SIGNIFICANT - 1 - magnitude) + extra;
    BigDecimal d = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN);
    return d.toPlainString();
  }
}
