package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.SeedFigures;
import dev.benchbook.api.Benchbook;
import dev.benchbook.format.Layout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The display rules: tables rounded and cut, comparisons as Markdown, charts and images as PNG. */
class DisplayTest {

  @Test
  void aTableShowsAsHtmlAndTextWithNumbersRoundedPerColumn() {
    Table t = Table.create("stats",
        StringColumn.create("config", "c1-zero", "c10-<x>"),
        DoubleColumn.create("p95_ms", 40.95123456789, 1.2),
        DoubleColumn.create("share", 0.001234567, 0.0456),
        DoubleColumn.create("count", 818, 3287),
        IntColumn.create("workers", 1, 10));
    DisplayData d = Display.of(t);
    assertEquals(Set.of("text/html", "text/plain"), d.data().keySet());
    String html = d.data().get("text/html");
    assertTrue(html.startsWith("<p style=\"text-align:left;font-weight:bold;margin:0.4em 0\">"
        + "stats</p>\n<table>"), html);
    assertTrue(html.contains("<th style=\"text-align:left\">config</th>"), html);
    assertTrue(html.contains("<td style=\"text-align:left\">c10-&lt;x&gt;</td>"), html);
    assertTrue(html.contains(">40.951</td>") && html.contains(">1.200</td>"), html);
    assertTrue(html.contains(">0.0012</td>") && html.contains(">0.0456</td>"), html);
    assertTrue(html.contains(">3287</td>") && html.contains(">10</td>"), html);
    assertTrue(html.contains("<p>2 rows x 5 columns</p>"), html);
    assertEquals("stats\n"
        + "config   p95_ms   share  count  workers\n"
        + "c1-zero  40.951  0.0012    818        1\n"
        + "c10-<x>   1.200  0.0456   3287       10\n"
        + "2 rows x 5 columns", d.plain());
  }

  @Test
  void aLongTableIsCutWithANote() {
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 0.5;
    }
    DisplayData d = Display.of(Table.create("long", DoubleColumn.create("x", v)));
    String html = d.data().get("text/html");
    assertEquals(Layout.HEAD_ROWS + Layout.TAIL_ROWS + 1,
        html.split("<tr>", -1).length - 2, "body rows incl. the gap row");
    assertTrue(html.contains(">49.500</td>") && html.contains(">999.500</td>")
        && !html.contains(">50.500</td>"), html);
    assertTrue(d.plain().contains("\n... 945 more rows\n"), d.plain());
    assertTrue(d.plain().endsWith("1,000 rows x 1 column; rows 51 to 995 not shown (display("
        + "Display.wide(x)) shows every row and column)"), d.plain());
    assertEquals(1003, Display.wide(Table.create("long", DoubleColumn.create("x", v))).plain()
        .lines().count(), "wide: title, header, every row, size line");
  }

  /** A user's own result type, unknown to the display rules until registered. */
  record Latency(String name, double p95Ms) {
  }

  @Test
  void theRulesAreOpenAnyTypeRegistersHowItShows() {
    Latency l = new Latency("mine", 1.23456);
    assertEquals(Set.of("text/plain"), Display.of(l).data().keySet(), "unknown: its toString");
    Display.register(Latency.class, x -> dev.benchbook.format.Document.builder()
        .paragraph("Latency of **" + x.name() + "**")
        .table(dev.benchbook.format.Table.builder("", dev.benchbook.format.Column.text("name"),
            dev.benchbook.format.Column.real("p95_ms", "ms",
                dev.benchbook.format.Precision.decimals(2))).row(x.name(), x.p95Ms()).build())
        .build());
    DisplayData d = Display.of(l);
    assertEquals(Set.of("text/html", "text/markdown", "text/plain"), d.data().keySet());
    assertTrue(d.data().get("text/html").startsWith("<p>Latency of <strong>mine</strong></p>"),
        d.data().get("text/html"));
    assertTrue(d.data().get("text/html").contains(">1.23</td>"), d.data().get("text/html"));
    assertTrue(d.data().get("text/markdown").contains("| mine | 1.23"),
        d.data().get("text/markdown"));
    assertTrue(d.plain().startsWith("Latency of mine\n\nname  p95_ms\nmine    1.23"), d.plain());
    Display.register(Latency.class, x -> "newest wins: " + x.name());
    assertEquals("newest wins: mine", Display.of(l).plain());
  }

  /**
   * Issue 21 point 3: a comparison of two runs made in a notebook names both runs in its table,
   * its text and its chart, without the user passing anything more.
   */
  @Test
  void aComparisonAcrossTwoRunsNamesBothRunsEverywhere() throws Exception {
    var a = Benchbook.load("data/results-20261126-211822.json");
    var b = Benchbook.load("data/results-20261129-131740.json");
    var c = Benchbook.compare(a, "c10-fast", b, "c10-fast");
    DisplayData d = Display.of(c);
    String md = d.data().get("text/markdown");
    assertTrue(md.startsWith("A: **c10-fast** of run results-20261126-211822; B: **c10-fast** "
        + "of run results-20261129-131740\n\n| Segment | A P95 | B P95 | Delta |"), md);
    assertTrue(d.plain().contains("trans/s (B) vs "), d.plain());
    var chart = Benchbook.p95Chart(c).chart();
    assertEquals("P95 latency per segment: c10-fast: results-20261126-211822 vs "
        + "results-20261129-131740", chart.getTitle());
    assertEquals(java.util.List.of("A: c10-fast (results-20261126-211822)",
        "B: c10-fast (results-20261129-131740)"),
        java.util.List.copyOf(chart.getSeriesMap().keySet()));
    var json = dev.benchbook.results.Json.MAPPER.writeValueAsString(c);
    assertEquals(c, dev.benchbook.results.Json.MAPPER.readValue(json,
        dev.benchbook.results.Comparison.class), "the run names survive JSON");
    var inOneFile = Benchbook.compare(a, "c1-zero", "c10-zero");
    assertTrue(Display.of(inOneFile).data().get("text/markdown")
        .startsWith("Baseline **c1-zero** vs mitigation **c10-zero**\n"), "one run: config ids");
  }

  /** Issue 21 point 3: every mitigation of a file, a summary first, as {@code compare FILE}. */
  @Test
  void everyMitigationOfAFileShowsAsASummaryThenEach() {
    var run = Benchbook.load("data/results-mitigation-20261129-131850.json");
    var all = Benchbook.compareAll(run);
    assertEquals(java.util.List.of("c16-fast-hold1-shared-connection",
        "c16-fast-hold1-writer-queue", "c16-fast-hold1-backoff"),
        all.stream().map(c -> c.mitigationConfig()).toList());
    DisplayData d = Display.of(all);
    String text = d.plain();
    assertTrue(text.startsWith("Every mitigation against baseline c16-fast-hold1 (verdicts on "
        + "P95 lock_wait)\nMitigation "), text);
    assertTrue(text.contains("\nc16-fast-hold1-writer-queue       53.61 -> 10.20 ms    1.70x  "
        + "improved      -81.0%"), text);
    assertEquals(3, text.lines().filter(l -> l.startsWith("Baseline c16-fast-hold1 vs "
        + "mitigation ")).count(), text);
    assertTrue(d.data().get("text/markdown").contains("### c16-fast-hold1 vs "
        + "c16-fast-hold1-backoff"), d.data().get("text/markdown"));
  }

  @Test
  void aComparisonShowsAsTheSeedsMarkdownTable() {
    DisplayData d = Display.of(Benchbook.compare(Benchbook.load(SeedFigures.FILE.toString())));
    String md = d.data().get("text/markdown");
    SeedFigures.ROWS.forEach(row -> assertTrue(md.contains(row), () -> row + " in\n" + md));
    assertTrue(md.startsWith("Baseline **c10-zero** vs mitigation **c10-zero-shared-connection**\n\n"),
        md);
    assertTrue(d.plain().startsWith("Baseline c10-zero vs mitigation c10-zero-shared-connection\n\n"
        + "Segment          Baseline P95  Mitigation P95              Delta\n"
        + "db_total_ms          40.95 ms         1.27 ms  -96.9% (-39.68ms)\n"), d.plain());
  }

  @Test
  void chartsAndImagesShowAsPng() throws Exception {
    var run = Benchbook.load(SeedFigures.FILE.toString());
    DisplayData chart = Display.of(Benchbook.p95Chart(Benchbook.compare(run)));
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode(chart.data().get("image/png"))));
    assertTrue(png.getWidth() > 300 && png.getHeight() > 200);
    assertTrue(chart.plain().startsWith("chart p95-before-after"), chart.plain());
    DisplayData img = Display.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
    assertEquals("image 3x2", img.plain());
    assertEquals(3, ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode(img.data().get("image/png")))).getWidth());
    assertEquals(Set.of("text/plain"), Display.of(42).data().keySet());
  }
}
