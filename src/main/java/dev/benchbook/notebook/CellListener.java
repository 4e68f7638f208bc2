package dev.benchbook.notebook;

/** Receives what a running cell produces, in order: printed text and displayed values. */
public interface CellListener {

  /** Text the cell wrote to System.out (whole lines while it runs, the rest at its end). */
  void stdout(String text);

  /** Text the cell wrote to System.err. */
  void stderr(String text);

  /** A value the cell displayed with {@code display(obj)} before its end. */
  void display(DisplayData data);
}
