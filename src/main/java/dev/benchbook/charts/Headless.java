package dev.benchbook.charts;

/** Makes AWT headless before any chart is built, unless the user chose otherwise. */
final class Headless {

  private Headless() {
  }

  /** Sets {@code java.awt.headless=true} when the property is not set explicitly. */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
