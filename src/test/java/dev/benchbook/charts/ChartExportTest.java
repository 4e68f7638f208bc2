package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {

  @Test
  void pngIsByteIdenticalWhenTheSameInputIsRenderedAgain() throws Exception {
    List<PlottedChart<?>> first = ChartPreviewTest.everyChart();
    List<PlottedChart<?>> second = ChartPreviewTest.everyChart();
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      byte[] once = ChartExport.png(first.get(i).chart());
      assertArrayEquals(once, ChartExport.png(second.get(i).chart()),
          first.get(i).name() + " PNG differs between two builds of the same input");
      assertArrayEquals(once, ChartExport.png(first.get(i).chart()),
          first.get(i).name() + " PNG differs between two renders of one chart");
    }
  }

  @Test
  void svgIsIdenticalWhenRenderedAgainOnOneJdk() throws Exception {
    byte[] once = ChartExport.svg(P95BeforeAfterChart.of(ChartFixtures.comparison()).chart());
    byte[] again = ChartExport.svg(P95BeforeAfterChart.of(ChartFixtures.comparison()).chart());
    assertArrayEquals(once, again);
    assertTrue(new String(once, StandardCharsets.UTF_8).contains("<svg"));
  }

  @Test
  void pngHasTheFixedSize() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        ChartExport.png(ThroughputChart.of(ChartFixtures.strategies(), "c10-zero").chart())));
    assertEquals(ChartStyle.WIDTH_PX, image.getWidth());
    assertEquals(ChartStyle.HEIGHT_PX, image.getHeight());
    BufferedImage direct = ChartExport.image(P95BeforeAfterChart.of(
        ChartFixtures.comparison()).chart());
    assertEquals(ChartStyle.WIDTH_PX, direct.getWidth());
  }

  @Test
  void writesPngSvgAndCsvAtomicallyAndReplacesOldFiles(@TempDir Path dir) throws Exception {
    PlottedChart<?> chart = LockWaitShareChart.of(ChartFixtures.strategies());
    Path out = dir.resolve("charts");
    ExportedChart files = ChartExport.write(chart, out);
    assertEquals(out.resolve("lock-wait-share.png"), files.png());
    assertEquals(out.resolve("lock-wait-share.svg"), files.svg());
    assertEquals(out.resolve("lock-wait-share.csv"), files.csv());
    byte[] png = Files.readAllBytes(files.png());
    assertArrayEquals(ChartExport.png(chart.chart()), png);
    assertEquals(chart.data().toCsv(), Files.readString(files.csv()));

    Files.writeString(files.csv(), "stale");
    ChartExport.write(chart, out);
    assertEquals(chart.data().toCsv(), Files.readString(files.csv()));
    assertArrayEquals(png, Files.readAllBytes(files.png()));
    try (Stream<Path> listing = Files.list(out)) {
      assertEquals(List.of("lock-wait-share.csv", "lock-wait-share.png", "lock-wait-share.svg"),
          listing.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void setsHeadlessBeforeRendering() {
    ChartStyle.paletteColor(0);
    assertEquals("true", System.getProperty("java.awt.headless"));
  }
}
