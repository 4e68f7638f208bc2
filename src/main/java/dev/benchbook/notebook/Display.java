package dev.benchbook.notebook;

import dev.benchbook.charts.ChartExport;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.results.Comparison;
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
 * {@link RenderedImage} as {@code image/png}; a Tablesaw {@link Table} as an HTML table and text
 * (numbers rounded, row count, long tables cut with a note); a {@link Comparison} as the
 * seed-style Markdown table; anything else as {@code text/plain}.
 */
public final class Display {

  private Display() {
  }

  /** The display of a value by the rules above. */
  public static DisplayData of(Object value) {
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
      return new DisplayData(Map.of("text/html", TableHtml.of(t),
          DisplayData.TEXT, TableText.of(t)));
    }
    if (value instanceof Comparison c) {
      String md = ComparisonTable.markdown(c);
      return new DisplayData(Map.of("text/markdown", md, DisplayData.TEXT, md));
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
      System.out.println(data.plain());
      return;
    }
    CellStreams.flush();
    cell.display(data);
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
