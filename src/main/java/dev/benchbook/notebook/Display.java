package dev.benchbook.notebook;

import dev.benchbook.charts.ChartExport;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.FormatTables;
import dev.benchbook.results.LoadedRun;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How values show in a notebook: an XChart chart, a {@link PlottedChart} or a
 * {@link RenderedImage} as {@code image/png}; a Tablesaw {@link Table} or an output-model
 * {@link dev.benchbook.format.Table} as an HTML table and text fitted to a width (numbers
 * rounded, row count, elided columns and long tables cut with a note); a {@link Comparison} as
 * the seed-style Markdown table naming both sides, with a text form; a {@link LoadedRun} as
 * one line (its name, kind, configs and raw rows); anything else as
 * {@code text/plain}. All tables go through the {@code format} package's renderers.
 */
public final class Display {

  /** Width of the text form in notebooks: fixed, so outputs do not depend on a terminal. */
  public static final int NOTEBOOK_WIDTH = Layout.DEFAULT_WIDTH;

  private static final String SEE_ALL = "display(Display.wide(x)) shows every row and column";

  private Display() {
  }

  /** The display of a value by the rules above, its text fitted to {@link #NOTEBOOK_WIDTH}. */
  public static DisplayData of(Object value) {
    return of(value, Layout.of(NOTEBOOK_WIDTH, SEE_ALL));
  }

  /** The display of a value with every row and column shown. */
  public static DisplayData wide(Object value) {
    return of(value, Layout.of(NOTEBOOK_WIDTH, SEE_ALL).everything());
  }

  /** The display of a value, its text fitted to {@code layout} (the shell: the terminal's). */
  public static DisplayData of(Object value, Layout layout) {
    if (value instanceof DisplayData d) {
      return d;
    }
    if (value instanceof PlottedChart<?> p) {
      return chart(p.chart(), p.name());
    }
    if (value instanceof Chart<?, ?> c) {
      return chart(c, c.getClass().getSimpleName());
    }
    if (value instanceof RenderedImage image) {
      return png(png(image), "image " + image.getWidth() + "x" + image.getHeight());
    }
    if (value instanceof Table t) {
      return table(FormatTables.of(t), layout);
    }
    if (value instanceof dev.benchbook.format.Table t) {
      return table(t, layout);
    }
    if (value instanceof LoadedRun run) {
      return DisplayData.text(describe(run));
    }
    if (value instanceof Comparison c) {
      return new DisplayData(Map.of("text/markdown", ComparisonTable.markdown(c),
          DisplayData.TEXT, Format.TABLE.render(ComparisonTable.document(c), layout)));
    }
    return DisplayData.text(String.valueOf(value));
  }

  /**
   * Shows a value now, in the middle of a cell (in a notebook: a display_data output). In the
   * IJava kernel it is IJava's own {@code display}, rendering by these rules; outside a running
   * cell, e.g. in the plain {@code jshell} tool, it prints the value's text to System.out.
   */
  public static void display(Object value) {
    CellListener cell = CellStreams.current();
    if (cell == null && KernelRenderers.displayWithIJava(value)) {
      return;
    }
    DisplayData data = of(value);
    if (cell == null) {
      System.out.println(of(value, ShellDisplay.layout()).plain());
      return;
    }
    CellStreams.flush();
    cell.display(data);
  }

  /** E.g. {@code run results-1 (matrix, configs: c1-zero, c10-zero; raw rows beside it)}. */
  static String describe(LoadedRun run) {
    return "run " + run.name() + " (" + run.run().kind() + ", configs: " + String.join(", ",
        run.run().allConfigs().stream().map(dev.benchbook.results.ConfigResult::id).toList())
        + "; " + (run.rows().isPresent() ? "raw rows loaded" : run.hasRowsFile()
        ? "raw rows beside it" : "no raw rows") + ")";
  }

  private static DisplayData table(dev.benchbook.format.Table t, Layout layout) {
    String text = Format.TABLE.render(t, layout);
    return new DisplayData(Map.of("text/html", Format.HTML.render(t, layout),
        DisplayData.TEXT, text.substring(0, text.length() - 1)));
  }

  private static DisplayData chart(Chart<?, ?> chart, String name) {
    try {
      String title = chart.getTitle() == null || chart.getTitle().isBlank() ? ""
          : ": " + chart.getTitle();
      return png(ChartExport.png(chart), "chart " + name + title + " (" + chart.getWidth() + "x"
          + chart.getHeight() + " PNG)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart " + name, e);
    }
  }

  private static DisplayData png(byte[] bytes, String text) {
    return new DisplayData(Map.of("image/png", Base64.getEncoder().encodeToString(bytes),
        DisplayData.TEXT, text));
  }

  private static byte[] png(RenderedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode image as PNG", e);
    }
    return out.toByteArray();
  }
}
