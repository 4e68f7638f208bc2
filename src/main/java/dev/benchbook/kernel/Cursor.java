package dev.benchbook.kernel;

/**
 * Cursor offsets: Jupyter counts Unicode code points (protocol 5.2+), Java strings count UTF-16
 * chars; they differ after characters outside the Basic Multilingual Plane.
 */
final class Cursor {

  private Cursor() {
  }

  /** The char offset of code point offset {@code codePoints}, clamped to the code. */
  static int toChars(String code, int codePoints) {
    int total = code.codePointCount(0, code.length());
    return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, total)));
  }

  /** The code point offset of char offset {@code chars}, clamped to the code. */
  static int toCodePoints(String code, int chars) {
    return code.codePointCount(0, Math.max(0, Math.min(chars, code.length())));
  }
}
