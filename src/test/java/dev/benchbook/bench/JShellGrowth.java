package dev.benchbook.bench;

import dev.benchbook.notebook.DefaultImports;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * CPU time of one {@code 6*7} evaluation in a plain JShell session with the notebooks' class
 * path and imports, cell after cell: with JShell's {@code $N} result variables kept (as the
 * jshell tool does), or each dropped after its cell (as the evaluator does). Args: [cells]
 * [drop]. Prints the median and minimum per eighth of the session (docs/PERFORMANCE.md).
 */
public final class JShellGrowth {

  private JShellGrowth() {
  }

  /** Runs the session and prints the figures. */
  public static void main(String[] args) {
    int cells = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    boolean drop = args.length > 1 && args[1].equals("drop");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      DefaultImports.IMPORTS.forEach(shell::eval);
      double[] ms = new double[cells];
      for (int i = 0; i < cells; i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        List<SnippetEvent> events = shell.eval("6*7");
        if (drop) {
          shell.drop(events.get(0).snippet());
        }
        ms[i] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
      }
      int part = Math.max(1, cells / 8);
      for (int from = 0; from < cells; from += part) {
        double[] w = Arrays.copyOfRange(ms, from, Math.min(cells, from + part));
        Arrays.sort(w);
        System.out.printf("cells %4d-%4d (%s): cpu median %.2f ms, min %.2f ms%n", from + 1,
            from + w.length, drop ? "dropped" : "kept", w[w.length / 2], w[0]);
      }
    }
  }
}
