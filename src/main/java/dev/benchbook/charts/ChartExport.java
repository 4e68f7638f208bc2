package dev.benchbook.charts;

import dev.benchbook.results.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as {@code name.png}, {@code name.svg} and {@code name.csv}, each atomically.
 *
 * <p>PNGs are rendered at the chart's own size ({@link ChartStyle#WIDTH_PX} x {@link
 * ChartStyle#HEIGHT_PX}, 1 px per point, i.e. 72 dpi, with no resolution chunk): the same chart
 * gives the same bytes on the same JDK. SVGs are identical across runs on one JDK, not across
 * JDKs. The CSV is {@link ChartData#toCsv()} in UTF-8.
 */
public final class ChartExport {

  private static final java.util.regex.Pattern SVG_DECIMALS =
      java.util.regex.Pattern.compile("(\\d\\.\\d{2})\\d+");

  private ChartExport() {
  }

  /** Writes the three files into {@code dir} (created if missing), replacing older versions. */
  public static ExportedChart write(PlottedChart<?> chart, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path png = dir.resolve(chart.name() + ".png");
    Path svg = dir.resolve(chart.name() + ".svg");
    Path csv = dir.resolve(chart.name() + ".csv");
    writeAtomically(png, png(chart.chart()));
    writeAtomically(svg, svg(chart.chart()));
    writeAtomically(csv, csv(chart.data()));
    return new ExportedChart(png, svg, csv);
  }

  /** The chart rendered as PNG bytes. */
  public static byte[] png(Chart<?, ?> chart) throws IOException {
    Headless.ensure();
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** The chart rendered as an image, e.g. for a notebook's image/png display. */
  public static BufferedImage image(Chart<?, ?> chart) {
    Headless.ensure();
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** The chart rendered as SVG bytes. */
  public static byte[] svg(Chart<?, ?> chart) throws IOException {
    Headless.ensure();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, out,
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return compact(out.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Rounds SVG coordinates to two decimals (1/100 px). XChart draws text as glyph outlines with
   * up to ten decimals per coordinate; rounding halves the files with no visible change.
   */
  static String compact(String svg) {
    return SVG_DECIMALS.matcher(svg).replaceAll("$1");
  }

  /** The plotted data as UTF-8 CSV bytes. */
  public static byte[] csv(ChartData data) {
    return data.toCsv().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes bytes to a temp file beside {@code target}, then renames it over {@code target}. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    AtomicFiles.replace(target, bytes);
  }
}
