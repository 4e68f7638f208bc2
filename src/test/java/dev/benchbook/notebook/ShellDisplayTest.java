package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interactive shell shows values as a notebook cell does: a scripted session. */
class ShellDisplayTest {

  @AfterEach
  void restore() {
    ShellDisplay.environment = System.getenv();
  }

  @Test
  void tablesAndComparisonsRenderAtThePromptFittedToTheTerminal() throws Exception {
    ShellDisplay.environment = Map.of("COLUMNS", "80");
    String script = String.join("\n",
        "var t = Table.create(\"stats\", StringColumn.create(\"config\", \"c1-zero\"), "
            + "DoubleColumn.create(\"p95_ms\", 15.589260823124999));",
        "for (int i = 0; i < 12; i++) t.addColumns(DoubleColumn.create(\"col\" + i, 1.0 / 3));",
        "t",
        "var run = Benchbook.load(\"data/seed-phase-14/results-mitigation-20260222-114707.json\");",
        "Benchbook.compare(run)",
        "Benchbook.compareAll(Benchbook.load(\"data/results-mitigation-20261129-131850.json\"))",
        "\"plain\"",
        "/exit", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    InteractiveShell.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out,
        false);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("t ==> \nstats\nconfig   p95_ms   col0"), text);
    assertTrue(text.contains("run ==> run results-mitigation-20260222-114707 (mitigation, "
        + "configs: c10-zero, c10-zero-shared-connection; no raw rows)"), text);
    assertTrue(text.contains("c1-zero  15.589  0.333"), text);
    assertFalse(text.lines().filter(l -> !l.startsWith("benchbook>"))
        .anyMatch(l -> l.contains("15.58926")), "values rounded, as in a notebook:\n" + text);
    assertTrue(text.contains("more columns: "), text);
    List<String> table = text.lines().dropWhile(l -> !l.startsWith("config")).takeWhile(
        l -> !l.isBlank()).toList();
    table.forEach(l -> assertTrue(l.length() <= 80, () -> l.length() + ": " + l));
    assertTrue(text.contains("Baseline c10-zero vs mitigation c10-zero-shared-connection"), text);
    assertTrue(text.contains("lock_wait_ms         40.65 ms"), text);
    assertFalse(text.contains("Comparison["), text);
    assertTrue(text.contains("\nEvery mitigation against baseline c16-fast-hold1 (verdicts"), text);
    assertTrue(text.contains("\nc16-fast-hold1-backoff  "), "every mitigation:\n" + text);
    assertTrue(text.contains("==> \"plain\""), "other values as jshell shows them:\n" + text);
  }
}
