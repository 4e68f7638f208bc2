package dev.benchbook.notebook;

import java.util.Optional;

/** Receives what a running cell produces, in order: printed text and displayed values. */
public interface CellListener {

  /** Text the cell wrote to System.out (whole lines while it runs, the rest at its end). */
  void stdout(String text);

  /** Text the cell wrote to System.err. */
  void stderr(String text);

  /** A value the cell displayed with {@code display(obj)} before its end. */
  void display(DisplayData data);

  /**
   * A line the user typed for the cell's {@code System.in} (without its line end), asked with
   * {@code prompt}; empty when this front end takes no input (headless runs, a client that set
   * {@code allow_stdin} false), and then the cell reads end of file.
   */
  default Optional<String> input(String prompt) {
    return Optional.empty();
  }
}
