package dev.benchbook.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The renderers: console text fitted to 80, 120 and 200 columns (golden files), vertical
 * records, Markdown, and machine formats that never cut.
 */
class RenderersTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/format");

  /** A run summary as wide as the real one: 14 columns, one of them long text. */
  static Table wide() {
    List<Column> cols = new ArrayList<>(List.of(Column.text("config"), Column.text("strategy"),
        Column.real("trans_per_s", "1/s", Precision.decimals(0))));
    for (String s : List.of("db_total", "lock_wait", "fsm_dispatch", "fsm_net")) {
      cols.add(Column.real(s + "_p50_ms", "ms", Precision.auto()));
      cols.add(Column.real(s + "_p95_ms", "ms", Precision.auto()));
    }
    cols.add(Column.integer("workers"));
    cols.add(Column.real("jain", "", Precision.decimals(2)));
    cols.add(Column.text("note"));
    Table.Builder t = Table.builder("run summary", cols);
    String[] ids = {"c1-zero", "c10-zero", "c16-fast-hold1-writer-queue"};
    for (int i = 0; i < ids.length; i++) {
      List<Object> row = new ArrayList<>(List.of(ids[i], i == 2 ? "writer-queue" : "per-worker",
          1234.5 * (i + 1) * 7));
      for (int s = 0; s < 4; s++) {
        row.add(0.0123 * (s + 1) * (i + 1));
        row.add(40.9512 * (s + 1) / (i + 1));
      }
      row.add(i == 0 ? 1 : 10 * i);
      row.add(i == 1 ? null : 0.5 + 0.2 * i);
      row.add("a long note that no terminal wants to see in full: ".repeat(i + 1).strip());
      t.row(row);
    }
    return t.build();
  }

  static Table longTable(int rows) {
    Table.Builder t = Table.builder("", Column.integer("i"), Column.real("x"));
    for (int i = 0; i < rows; i++) {
      t.row(i, i + 0.5);
    }
    return t.build();
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 120, 200})
  void consoleTablesFitTheWidthAndMatchTheGoldenFiles(int width) throws IOException {
    String text = Format.TABLE.render(wide(), Layout.terminal(Map.of("COLUMNS", "" + width),
        false));
    text.lines().forEach(l -> assertTrue(l.length() <= width, () -> l.length() + " > " + width
        + ": " + l));
    assertGolden("wide-" + width + ".txt", text);
  }

  @Test
  void elidedColumnsAreMarkedAndNamedInAFooter() {
    String text = Format.TABLE.render(wide(), Layout.terminal(Map.of("COLUMNS", "80"), false));
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(1).endsWith("  ..."), lines.get(1));
    assertTrue(text.contains("more columns: "), text);
    assertTrue(text.contains("--wide shows all"), text);
    assertTrue(text.contains("note"), "the last column is named in the footer");
  }

  @Test
  void theFirstTextColumnThatDoesNotFitIsCutRatherThanElidedButNumbersNeverAre() {
    Table t = Table.builder("", Column.integer("run_id"), Column.text("file"),
        Column.text("kind"), Column.integer("raw_rows"))
        .row(7288224645748923639L, "seed-phase-14/results-mitigation-20260222-114707.json",
            "mitigation", 123456).build();
    List<String> lines = Format.TABLE.render(t, Layout.terminal(Map.of("COLUMNS", "40"), false))
        .lines().toList();
    assertEquals("             run_id  file            ...", lines.get(0));
    assertEquals("7288224645748923639  seed-phase-...", lines.get(1));
    assertEquals("... 2 more columns: kind, raw_rows", lines.get(3));
    Table numbers = Table.builder("", Column.text("config"), Column.real("p95_ms", "ms",
        Precision.decimals(2)), Column.integer("transitions")).row("c16-fast-hold1-writer-queue",
        10.2, 123456789012345L).build();
    String text = Format.TABLE.render(numbers, Layout.terminal(Map.of("COLUMNS", "40"), false));
    assertTrue(text.startsWith("config                       p95_ms  ...\n"), text);
    assertTrue(text.contains("... 1 more column: transitions"), text);
  }

  @Test
  void wideShowsEveryColumnAndWholeCells() {
    String text = Format.TABLE.render(wide(), Layout.terminal(Map.of("COLUMNS", "80"), true));
    assertFalse(text.contains("more columns"), text);
    assertTrue(text.contains("a long note that no terminal wants to see in full: a long note "
        + "that no terminal wants to see in full: a long note"), text);
  }

  @Test
  void theWidthComesFromColumnsElse120() {
    assertEquals(120, Layout.width(Map.of()));
    assertEquals(120, Layout.width(Map.of("COLUMNS", "x")));
    assertEquals(120, Layout.width(Map.of("COLUMNS", "3")));
    assertEquals(93, Layout.width(Map.of("COLUMNS", " 93 ")));
  }

  @Test
  void longTablesShowHeadAndTailWithHowManyRowsWereLeftOut() {
    String text = Format.TABLE.render(longTable(1000), Layout.terminal(Map.of(), false));
    List<String> lines = text.lines().toList();
    assertEquals(1 + 50 + 1 + 5 + 1, lines.size(), text);
    assertEquals("... 945 more rows", lines.get(51));
    assertEquals("999  999.500", lines.get(56));
    assertTrue(lines.get(57).startsWith("1,000 rows x 2 columns; rows 51 to 995 not shown"));
    assertEquals(1002, Format.TABLE.render(longTable(1000), Layout.terminal(Map.of(), true))
        .lines().count(), "--wide: every row");
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void machineFormatsAreNeverCut(String name) {
    Format f = Format.parse(name);
    assertTrue(f.machine());
    Layout narrow = Layout.terminal(Map.of("COLUMNS", "20"), false);
    String text = f.render(wide(), narrow);
    assertTrue(text.contains("a long note that no terminal wants to see in full: a long note that "
        + "no terminal wants to see in full: a long note that no terminal wants to see in full:"),
        text);
    assertTrue(text.contains("c16-fast-hold1-writer-queue") && text.contains("fsm_net_p95_ms"));
    String rows = f.render(longTable(1000), narrow);
    assertTrue(rows.contains("999.5") && rows.contains("500.5"), "every row");
  }

  @Test
  void csvAndJsonCarryExactValues() {
    Table t = Table.builder("", Column.text("name"), Column.real("p95_ms", "ms",
        Precision.decimals(2)), Column.integer("n"), Column.real("x"))
        .row("a,\"b\"", 40.95123, 3L, null)
        .row("c", new Cell(1.5, "1.50 ms"), 4, Double.NaN).build();
    assertEquals("name,p95_ms,n,x\r\n\"a,\"\"b\"\"\",40.95123,3,\r\nc,1.5,4,NaN\r\n",
        Format.CSV.render(t, Layout.terminal(Map.of(), false)));
    assertEquals("[ {\n  \"name\" : \"a,\\\"b\\\"\",\n  \"p95_ms\" : 40.95123,\n  \"n\" : 3,\n"
        + "  \"x\" : null\n}, {\n  \"name\" : \"c\",\n  \"p95_ms\" : 1.5,\n  \"n\" : 4,\n"
        + "  \"x\" : \"NaN\"\n} ]\n", Format.JSON.render(t, Layout.terminal(Map.of(), false)));
    assertEquals("| name  | p95_ms  | n   | x   |\n"
        + "|-------|---------|-----|-----|\n"
        + "| a,\"b\" | 40.95   | 3   |     |\n"
        + "| c     | 1.50 ms | 4   | NaN |\n", Format.MARKDOWN.render(t,
        Layout.terminal(Map.of(), false)));
  }

  @Test
  void verticalShowsOneRecordPerBlock() throws IOException {
    String text = Format.VERTICAL.render(wide(), Layout.terminal(Map.of("COLUMNS", "80"),
        false));
    text.lines().forEach(l -> assertTrue(l.length() <= 80, l));
    assertGolden("vertical-80.txt", text);
  }

  @Test
  void documentsRenderInEveryFormat() {
    Document d = Document.builder().heading(2, "P95 <before> & after")
        .paragraph("Baseline **c1** vs mitigation **c2**").table(longTable(2))
        .chart("P95", "p95.png").build();
    Layout l = Layout.terminal(Map.of(), false);
    assertEquals("P95 <before> & after\n--------------------\n\nBaseline c1 vs mitigation c2\n\n"
        + "i      x\n0  0.500\n1  1.500\n\nChart: P95 (p95.png)\n", Format.TABLE.render(d, l));
    assertTrue(Format.MARKDOWN.render(d, l).startsWith("## P95 <before> & after\n\nBaseline "
        + "**c1** vs mitigation **c2**\n\n| i   | x     |\n"), Format.MARKDOWN.render(d, l));
    assertTrue(Format.HTML.render(d, l).startsWith("<h2>P95 &lt;before&gt; &amp; after</h2>\n"
        + "<p>Baseline <strong>c1</strong> vs mitigation <strong>c2</strong></p>\n<table>"),
        Format.HTML.render(d, l));
    assertEquals("i,x\r\n0,0.5\r\n1,1.5\r\n", Format.CSV.render(d, l));
    assertTrue(Format.JSON.render(d, l).contains("{ \"chart\" : { \"title\" : \"P95\", "
        + "\"path\" : \"p95.png\" } }"), Format.JSON.render(d, l));
  }

  @Test
  void everyFormatHasANameAndABadNameIsOneLine() {
    assertEquals("table, vertical, markdown, csv, json, html", Format.names());
    for (Format f : Format.values()) {
      assertEquals(f, Format.parse(f.key().toUpperCase(Locale.ROOT)));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Format.parse("xml"));
    assertEquals("--format must be one of table, vertical, markdown, csv, json, html; got 'xml'",
        e.getMessage());
  }

  @Test
  void aRowWithTheWrongNumberOfValuesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Table.builder("t", Column.text("a"), Column.text("b")).row("x").build());
    assertEquals("table 't': a row has 1 values for 2 columns", e.getMessage());
  }

  /** Compares with a golden file; {@code -Dbenchbook.updateGoldens=true} rewrites it. */
  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("benchbook.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
  }
}
