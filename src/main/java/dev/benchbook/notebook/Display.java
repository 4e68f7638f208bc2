package dev.benchbook.notebook;

import dev.benchbook.charts.ChartExport;
import dev.benchbook.charts.PlottedChart;
import dev.benchbook.format.Document;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How values show in a notebook: an XChart chart, a {@link PlottedChart} or a
 * {@link RenderedImage} as {@code image/png}; a Tablesaw {@link Table} or an output-model
 * {@link dev.benchbook.format.Table} as an HTML table and text fitted to a width (numbers
 * rounded, row count, elided columns and long tables cut with a note); a {@link Comparison} as
 * the seed-style Markdown table naming both sides, with a text form (a list of comparisons: a
 * summary table, then each); a {@link LoadedRun} as
 * one line (its name, kind, configs and raw rows); an output-model {@link Document} as HTML,
 * Markdown and fitted text; a value of a type given to {@link #register} as what its function
 * makes of it; anything else as {@code text/plain}. All tables go through the {@code format}
 * package's renderers.
 */
public final class Display {

  /** Width of the text form in notebooks: fixed, so outputs do not depend on a terminal. */
  public static final int NOTEBOOK_WIDTH = Layout.DEFAULT_WIDTH;

  private static final String SEE_ALL = "display(Display.wide(x)) shows every row and column";

  /** Types registered by {@link #register}, the newest first, each with its function. */
  private static final List<Map.Entry<Class<?>, Function<Object, ?>>> REGISTERED =
      new CopyOnWriteArrayList<>();

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
    for (Map.Entry<Class<?>, Function<Object, ?>> r : REGISTERED) {
      if (r.getKey().isInstance(value)) {
        Object shown = r.getValue().apply(value);
        if (!r.getKey().isInstance(shown)) {
          return of(shown, layout);
        }
      }
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
    if (comparisons(value)) {
      return of(ComparisonTable.every(((List<?>) value).stream().map(Comparison.class::cast)
          .toList()), layout);
    }
    if (value instanceof Document doc) {
      String text = Format.TABLE.render(doc, layout);
      return new DisplayData(Map.of("text/html", Format.HTML.render(doc, layout),
          "text/markdown", Format.MARKDOWN.render(doc, layout), DisplayData.TEXT,
          text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
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
   * True when the rules above show {@code value} otherwise than by its {@code toString()} (the
   * shell renders those values, and leaves the rest to JShell).
   */
  public static boolean knows(Object value) {
    return value instanceof DisplayData || value instanceof PlottedChart<?>
        || value instanceof Chart<?, ?> || value instanceof RenderedImage
        || value instanceof Table || value instanceof dev.benchbook.format.Table
        || value instanceof Document || value instanceof LoadedRun
        || value instanceof Comparison || comparisons(value)
        || REGISTERED.stream().anyMatch(r -> r.getKey().isInstance(value));
  }

  private static boolean comparisons(Object value) {
    return value instanceof List<?> list && !list.isEmpty()
        && list.stream().allMatch(Comparison.class::isInstance);
  }

  /**
   * Shows values of {@code type} (and its subtypes) as what {@code how} makes of them: an
   * output-model table or document, a Tablesaw table, a chart, a string... (the rules stay open:
   * a new type is one call, e.g. {@code Display.register(MyResult.class, r -> r.table())}).
   * The newest registration for a type wins; a function that returns its own type again is
   * ignored.
   */
  public static <T> void register(Class<T> type, Function<? super T, ?> how) {
    REGISTERED.add(0, Map.entry(type, value -> how.apply(type.cast(value))));
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
