package dev.benchbook.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Small custom annotations drawn in data coordinates: bar labels, asymmetric whiskers, an extra
 * x tick and knee markers. XChart 3.8.8's own error bars are symmetric and misdrawn on log
 * axes, and its tick labels cannot be placed at arbitrary values, hence these.
 */
final class Annotations {

  private Annotations() {
  }

  /** Data x of the centre of bar {@code series} of {@code count} in category {@code category}. */
  static double barCenterX(int category, int series, int count, double fill) {
    return category + (1 - fill) / 2 + (series + 0.5) * fill / count;
  }

  /** Data x of the centre of category {@code category} (overlapped bars, category lines). */
  static double categoryCenterX(int category) {
    return category + 0.5;
  }

  /** Text centred above a data point, optionally on a white box (readable over a whisker). */
  static final class Label extends Annotation {
    private final double x;
    private final double y;
    private final String text;
    private final Font font;
    private final Color color;
    private final boolean boxed;

    Label(double x, double y, String text, Font font, Color color) {
      this(x, y, text, font, color, false);
    }

    Label(double x, double y, String text, Font font, Color color, boolean boxed) {
      super(false);
      this.x = x;
      this.y = y;
      this.text = text;
      this.font = font;
      this.color = color;
      this.boxed = boxed;
    }

    @Override
    public void paint(Graphics2D g) {
      if (!isVisible) {
        return;
      }
      g.setFont(font);
      FontMetrics metrics = g.getFontMetrics();
      int sx = getXAxisScreenValue(x);
      int sy = getYAxisScreenValue(y);
      float left = sx - metrics.stringWidth(text) / 2f;
      if (boxed) {
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(Math.round(left) - 2, Math.round(sy - 6f) - metrics.getAscent(),
            metrics.stringWidth(text) + 4, metrics.getAscent() + metrics.getDescent());
      }
      g.setColor(color);
      g.drawString(text, left, sy - 6f);
    }
  }

  /**
   * A vertical whisker from {@code low} to {@code high} with caps, at data x; when the interval
   * reaches below the axis ({@code clippedLow}), its lower end is an arrowhead on the axis
   * instead of a cap, so the cut is visible.
   */
  static final class Whisker extends Annotation {
    private final double x;
    private final double low;
    private final double high;
    private final boolean clippedLow;

    Whisker(double x, double low, double high, boolean clippedLow) {
      super(false);
      this.x = x;
      this.low = low;
      this.high = high;
      this.clippedLow = clippedLow;
    }

    @Override
    public void paint(Graphics2D g) {
      if (!isVisible) {
        return;
      }
      Stroke old = g.getStroke();
      g.setColor(ChartStyle.TEXT);
      g.setStroke(new BasicStroke(1.6f));
      int sx = getXAxisScreenValue(x);
      int y1 = getYAxisScreenValue(low);
      int y2 = getYAxisScreenValue(high);
      g.drawLine(sx, y1, sx, y2);
      if (clippedLow) {
        g.fillPolygon(new int[] {sx - 5, sx + 5, sx}, new int[] {y1 - 8, y1 - 8, y1}, 3);
      } else {
        g.drawLine(sx - 7, y1, sx + 7, y1);
      }
      g.drawLine(sx - 7, y2, sx + 7, y2);
      g.setStroke(old);
    }
  }

  /** An extra x tick: a grid line over the plot and a label under the axis. */
  static final class XTick extends Annotation {
    private final double x;
    private final String text;

    XTick(double x, String text) {
      super(false);
      this.x = x;
      this.text = text;
    }

    @Override
    public void paint(Graphics2D g) {
      if (!isVisible) {
        return;
      }
      int sx = getXAxisScreenValue(x);
      int a = getYAxisScreenValueForMin();
      int b = getYAxisScreenValueForMax();
      int top = Math.min(a, b);
      int bottom = Math.max(a, b);
      Stroke old = g.getStroke();
      g.setColor(ChartStyle.GRID);
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 10f,
          new float[] {3f, 3f}, 0f));
      g.drawLine(sx, top, sx, bottom);
      g.setStroke(old);
      g.setColor(ChartStyle.TEXT);
      g.setFont(ChartStyle.TICK_FONT);
      FontMetrics metrics = g.getFontMetrics();
      g.drawString(text, sx - metrics.stringWidth(text) / 2f,
          bottom + 12f + metrics.getAscent());
    }
  }

  /**
   * Rings around data points (a sweep's knees), each with a label on a white box beside it in
   * the ring's colour; a label that would cover one drawn before it moves down below it, so
   * knees at the same point all stay readable.
   */
  static final class Markers extends Annotation {
    private record Mark(double x, double y, String text, Color color) {
    }

    private final java.util.List<Mark> marks = new java.util.ArrayList<>();

    Markers() {
      super(false);
    }

    /** Adds a ring at data ({@code x}, {@code y}) labelled {@code text}. */
    void add(double x, double y, String text, Color color) {
      marks.add(new Mark(x, y, text, color));
    }

    /** True when no mark was added. */
    boolean isEmpty() {
      return marks.isEmpty();
    }

    @Override
    public void paint(Graphics2D g) {
      if (!isVisible) {
        return;
      }
      Stroke old = g.getStroke();
      g.setStroke(new BasicStroke(2.5f));
      for (Mark m : marks) {
        g.setColor(m.color());
        g.draw(new Ellipse2D.Double(getXAxisScreenValue(m.x()) - 11,
            getYAxisScreenValue(m.y()) - 11, 22, 22));
      }
      g.setStroke(old);
      g.setFont(ChartStyle.ANNOTATION_BOLD_FONT);
      FontMetrics metrics = g.getFontMetrics();
      int height = metrics.getAscent() + metrics.getDescent() + 2;
      java.util.List<java.awt.Rectangle> placed = new java.util.ArrayList<>();
      java.util.List<Mark> topDown = new java.util.ArrayList<>(marks);
      topDown.sort(java.util.Comparator.comparingInt((Mark m) -> getYAxisScreenValue(m.y())));
      for (Mark m : topDown) {
        java.awt.Rectangle box = new java.awt.Rectangle(getXAxisScreenValue(m.x()) + 11,
            getYAxisScreenValue(m.y()) - 12 - metrics.getAscent() - 1,
            metrics.stringWidth(m.text()) + 6, height);
        boolean moved = true;
        while (moved) {
          moved = false;
          for (java.awt.Rectangle other : placed) {
            if (other.intersects(box)) {
              box.y = other.y + other.height + 1;
              moved = true;
            }
          }
        }
        placed.add(box);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(box);
        g.setColor(m.color());
        g.drawString(m.text(), box.x + 3, box.y + 1 + metrics.getAscent());
      }
    }
  }
}
