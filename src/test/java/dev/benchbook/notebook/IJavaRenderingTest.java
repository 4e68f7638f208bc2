package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The notebooks under IJava's display machinery: jupyter-jvm-basekernel's {@code Renderer}
 * (the library IJava renders every value with), with benchbook's rules registered as the
 * notebooks' first cell registers them, renders values as benchbook's own kernel does (charts
 * PNG, tables HTML, comparisons Markdown); IJava's own image rendering stays. Every notebook
 * cell's result: {@code NotebooksTest.everyResultRendersUnderIJavasRendererAsHere}.
 */
class IJavaRenderingTest {

  /** A renderer set up as IJava sets up its own: basekernel's image renderers first. */
  static Renderer ijavaRenderer() {
    Renderer renderer = new Renderer();
    Image.registerAll(renderer);
    KernelRenderers.register(renderer);
    return renderer;
  }

  @Test
  void aComparisonIsMarkdownAChartPngATableHtml() throws Exception {
    Renderer renderer = ijavaRenderer();
    var run = Benchbook.load("data/seed-phase-14/results-mitigation-20260222-114707.json");
    var c = Benchbook.compare(run);
    assertEquals(Display.of(c).data().get("text/markdown"),
        renderer.render(c).getData(MIMEType.TEXT_MARKDOWN));
    assertTrue(String.valueOf(renderer.render(c).getData(MIMEType.TEXT_PLAIN)).length() < 1000,
        "no record dump as text");
    var chart = Benchbook.p95Chart(c);
    String png = (String) renderer.render(chart).getData(MIMEType.parse("image/png"));
    assertTrue(png.startsWith("iVBORw0KGgo"), "a base64 PNG: " + png.substring(0, 20));
    var stats = Benchbook.stats(run);
    assertEquals(Display.of(stats).data().get("text/html"),
        renderer.render(stats).getData(MIMEType.TEXT_HTML));
  }

  @Test
  void ijavasOwnRenderingStaysForImagesAndPlainValues() {
    Renderer renderer = ijavaRenderer();
    var image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    Renderer plain = new Renderer();
    Image.registerAll(plain);
    assertEquals(bundle(plain.render(image)), bundle(renderer.render(image)));
    assertEquals(Map.of("text/plain", "42"), bundle(renderer.render(42)));
    assertEquals(Map.of("text/plain", "[a, b]"), bundle(renderer.render(List.of("a", "b"))));
  }

  @Test
  void outsideIJavaTheSetupFindsNoKernelAndDoesNothing() {
    assertFalse(KernelRenderers.ijavaKernel().isPresent());
    assertFalse(KernelRenderers.registerWithIJava());
  }

  static Map<String, String> bundle(
      io.github.spencerpark.jupyter.kernel.display.DisplayData data) {
    Map<String, String> out = new TreeMap<>();
    for (String mime : List.of("image/png", "text/html", "text/markdown", "text/plain")) {
      Object v = data.getData(MIMEType.parse(mime));
      if (v != null) {
        out.put(mime, v.toString());
      }
    }
    return out;
  }
}
