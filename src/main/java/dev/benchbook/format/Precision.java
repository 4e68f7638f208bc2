package dev.benchbook.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a real column is shown to people (machine formats always write the exact value): fixed
 * decimals, significant digits (the integer part kept whole), or {@link Kind#AUTO}, decided per
 * column from its values. Numbers never depend on the default locale.
 *
 * @param kind the rule
 * @param digits decimals or significant digits (ignored for AUTO and EXACT)
 */
public record Precision(Kind kind, int digits) {

  /** The rounding rules. */
  public enum Kind {
    /**
     * Per column: whole numbers without decimals, else 3 decimals; when the column's largest
     * value is below 0.1, enough decimals for 3 significant digits of it.
     */
    AUTO,
    /** A fixed number of decimals. */
    DECIMALS,
    /** Significant digits, never rounding the integer part; trailing zeros dropped. */
    SIGNIFICANT,
    /** The shortest decimal that reads back as the same double. */
    EXACT
  }

  /** Checks the digits. */
  public Precision {
    if (kind == null || digits < 0 || digits > 30) {
      throw new IllegalArgumentException("precision needs a kind and 0..30 digits; got " + kind
          + " " + digits);
    }
  }

  /** Decided per column from its values. */
  public static Precision auto() {
    return new Precision(Kind.AUTO, 0);
  }

  /** Exactly {@code n} decimals. */
  public static Precision decimals(int n) {
    return new Precision(Kind.DECIMALS, n);
  }

  /** {@code n} significant digits (the integer part kept whole). */
  public static Precision significant(int n) {
    return new Precision(Kind.SIGNIFICANT, n);
  }

  /** Every digit of the value. */
  public static Precision exact() {
    return new Precision(Kind.EXACT, 0);
  }

  /** Resolves AUTO against a column's values to fixed decimals (others unchanged). */
  public Precision resolve(Iterable<Double> values) {
    if (kind != Kind.AUTO) {
      return this;
    }
    double maxAbs = 0;
    boolean whole = true;
    for (Double v : values) {
      if (v != null && Double.isFinite(v)) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
        whole &= v == Math.rint(v);
      }
    }
    if (whole) {
      return decimals(0);
    }
    if (maxAbs >= 0.1 || maxAbs == 0) {
      return decimals(3);
    }
    return decimals(Math.min(9, 2 - (int) Math.floor(Math.log10(maxAbs))));
  }

  /** The value as people read it under this precision (AUTO acts as 3 decimals). */
  public String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    switch (kind) {
      case DECIMALS:
        return String.format(Locale.ROOT, "%." + digits + "f", v);
      case SIGNIFICANT:
        return significantDigits(v, digits);
      case EXACT:
        return exact(v);
      default:
        return String.format(Locale.ROOT, "%.3f", v);
    }
  }

  /** The shortest decimal that reads back as {@code d}, without exponent unless huge or tiny. */
  public static String exact(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (b.scale() > 30 || b.precision() - b.scale() > 30) {
      return Double.toString(d);
    }
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  private static String significantDigits(double d, int n) {
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d));
    int integerDigits = b.precision() - b.scale();
    int scale = Math.max(0, n - integerDigits);
    BigDecimal r = b.setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (r.scale() > 30) {
      return exact(d);
    }
    return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
  }
}
