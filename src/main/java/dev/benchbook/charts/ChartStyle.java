package dev.benchbook.charts;

import dev.benchbook.workload.Strategies;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Sizes, fonts, colours and axis helpers shared by every benchbook chart. */
public final class ChartStyle {

  /** Rendered width of every chart, in pixels. */
  public static final int WIDTH_PX = 1000;
  /** Rendered height of every chart, in pixels. */
  public static final int HEIGHT_PX = 600;
  /** Smallest value a log axis shows, in ms; smaller values are drawn at this floor. */
  public static final double LOG_FLOOR_MS = 0.001;
  /** Axis-title note used when some values were raised to {@link #LOG_FLOOR_MS}. */
  public static final String FLOOR_NOTE = "; values < 0.001 ms shown at 0.001";
  /** Font family of all text. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  /** Baseline colour (blue-grey). */
  public static final Color BASELINE = new Color(0x4C, 0x72, 0xB0);
  /** First mitigation colour (orange). */
  public static final Color MITIGATION = new Color(0xDD, 0x84, 0x52);
  /** Colours in order of use: baseline, then mitigations and further series. */
  public static final List<Color> PALETTE = List.of(BASELINE, MITIGATION,
      new Color(0x55, 0xA8, 0x68), new Color(0x81, 0x72, 0xB3), new Color(0xC4, 0x4E, 0x52),
      new Color(0x93, 0x78, 0x60), new Color(0xDA, 0x8B, 0xC3), new Color(0x8C, 0x8C, 0x8C),
      new Color(0xCC, 0xB9, 0x74), new Color(0x64, 0xB5, 0xCD));

  static final Font TITLE_FONT;
  static final Font AXIS_TITLE_FONT;
  static final Font TICK_FONT;
  static final Font LEGEND_FONT;
  static final Font ANNOTATION_FONT;
  static final Font ANNOTATION_BOLD_FONT;
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  static {
    Headless.ensure();
    TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    ANNOTATION_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    ANNOTATION_BOLD_FONT = new Font(FONT_FAMILY, Font.BOLD, 12);
  }

  private ChartStyle() {
  }

  /**
   * Colour of a strategy: the palette colour of its place in the strategy registry, so a
   * strategy looks the same on every chart; an unknown one gets a colour by position.
   */
  public static Color strategyColor(String strategy, int fallbackIndex) {
    int known = Strategies.indexOf(strategy);
    return paletteColor(known >= 0 ? known : fallbackIndex);
  }

  /** Palette colour by position, wrapping around. */
  public static Color paletteColor(int index) {
    return PALETTE.get(Math.floorMod(index, PALETTE.size()));
  }

  /** Applies fonts, colours, locale and layout shared by all charts. */
  static void applyCommon(AxesChartStyler styler, int seriesCount) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(Color.GRAY);
    styler.setPlotGridLinesColor(GRID);
    styler.setChartFontColor(TEXT);
    styler.setAxisTickLabelsColor(TEXT);
    styler.setChartTitleFont(TITLE_FONT);
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(AXIS_TITLE_FONT);
    styler.setAxisTickLabelsFont(TICK_FONT);
    styler.setLegendFont(LEGEND_FONT);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setAnnotationTextFont(ANNOTATION_FONT);
    styler.setAnnotationTextFontColor(TEXT);
    styler.setLocale(Locale.ROOT);
    styler.setXAxisDecimalPattern("#,##0.###");
    styler.setYAxisDecimalPattern("#,##0.###");
    styler.setToolTipsEnabled(false);
    styler.setChartPadding(12);
    styler.setPlotMargin(6);
    styler.setAntiAlias(true);
    if (seriesCount <= 4) {
      styler.setLegendPosition(Styler.LegendPosition.OutsideS);
      styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    } else {
      styler.setLegendPosition(Styler.LegendPosition.OutsideE);
      styler.setLegendLayout(Styler.LegendLayout.Vertical);
    }
  }

  /**
   * Rotation in degrees that keeps category labels from overlapping: 0 when the widest label fits
   * its slot, else 30, 45 or 90 depending on how narrow the slots are.
   */
  public static int categoryLabelRotation(List<String> labels, int plotWidthPx) {
    if (labels.isEmpty()) {
      return 0;
    }
    double slot = (double) plotWidthPx / labels.size();
    double widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, textWidthPx(label, TICK_FONT));
    }
    if (widest <= slot * 0.9) {
      return 0;
    }
    if (slot >= 34) {
      return 30;
    }
    return slot >= 24 ? 45 : 90;
  }

  /** Sets the category label rotation and alignment from {@link #categoryLabelRotation}. */
  static void rotateCategoryLabels(AxesChartStyler styler, List<String> labels) {
    int rotation = categoryLabelRotation(labels, WIDTH_PX - 220);
    styler.setXAxisLabelRotation(rotation);
    if (rotation > 0 && rotation < 90) {
      styler.setXAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
    }
  }

  /** Width of a text in pixels at 72 dpi. */
  static double textWidthPx(String text, Font font) {
    return font.getStringBounds(text, FRC).getWidth();
  }

  /** Decade at or below {@code value} (value must be positive). */
  static double decadeBelow(double value) {
    return Math.pow(10, Math.floor(Math.log10(value)));
  }

  /** Decade at or above {@code value} (value must be positive). */
  static double decadeAbove(double value) {
    return Math.pow(10, Math.ceil(Math.log10(value)));
  }

  /** The value, raised to {@link #LOG_FLOOR_MS} when below it. */
  static double floorForLog(double valueMs) {
    return Math.max(valueMs, LOG_FLOOR_MS);
  }

  /** A latency in ms for a label: 2 decimals as in the seed's table, 3 below 0.1 ms. */
  static String ms(double valueMs) {
    double a = Math.abs(valueMs);
    String pattern = a >= 100 ? "%.1f" : a >= 0.1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, valueMs);
  }

  /**
   * A ratio as printed everywhere, e.g. {@code 8.7x}: one decimal from 2x up (the seed's
   * style), two below (so 1.04x is not shown as 1.0x), none from 100x.
   */
  public static String ratio(double ratio) {
    String pattern = ratio >= 100 ? "%.0fx" : ratio >= 2 ? "%.1fx" : "%.2fx";
    return String.format(Locale.ROOT, pattern, ratio);
  }

  /** A percentage for a label, e.g. {@code 97.3%}. */
  static String pct(double pct) {
    return String.format(Locale.ROOT, "%.1f%%", pct);
  }

  /** A segment key without its unit suffix, e.g. {@code db_total} for {@code db_total_ms}. */
  static String segmentLabel(String key) {
    return key.endsWith("_ms") ? key.substring(0, key.length() - 3) : key;
  }
}
