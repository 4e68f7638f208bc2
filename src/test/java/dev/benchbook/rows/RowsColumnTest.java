package dev.benchbook.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column enum is the one list of columns: a new timed segment is one constant. The last
 * test compiles {@code Column.java} with one constant added (the diff docs/RESULTS-FORMAT.md
 * shows), loads the project's classes against it, and checks that the rows file, the table,
 * the per-segment stats, the catalog schema and the segment keys all carry the new segment,
 * while a file written without it still loads with the segment absent.
 */
class RowsColumnTest {

  @TempDir
  Path tmp;

  @Test
  void segmentsAreTheSegmentColumnsInResultsOrder() {
    assertEquals(List.of("db_total_ms", "lock_wait_ms", "fsm_dispatch_ms", "fsm_net_ms",
        "api_ms", "queue_wait_ms", "response_ms"), Segment.keys());
    for (Segment s : Segment.values()) {
      assertEquals(Column.Kind.SEGMENT_NS, s.column().kind());
      assertEquals(s, Segment.byKey(s.key()).orElseThrow());
      assertEquals(s.ordinal(), List.of(Segment.values()).indexOf(s));
    }
    assertEquals("LOCK_WAIT", Segment.LOCK_WAIT.name());
    assertEquals("lock_wait_ns", Segment.LOCK_WAIT.nsColumn());
  }

  @Test
  void everyColumnHasKeysAndAUnit() {
    for (Column c : Column.values()) {
      assertEquals(c, Column.byCsvKey(c.csvKey()).orElseThrow());
      assertTrue(List.of("code", "count", "ns").contains(c.unit()), c.name());
      assertEquals(c.inNs(), c.csvKey().endsWith("_ns"), c.name());
      if (c.timed()) {
        assertEquals(c.csvKey().replace("_ns", "_ms"), c.msKey());
      }
    }
    assertEquals(Column.values().length, Column.inFileOrder().size());
  }

  @Test
  void aNewTimedColumnIsOneConstant() throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Path src = Files.createDirectories(tmp.resolve("src/dev/benchbook/catalog"));
    Path column = Files.createDirectories(tmp.resolve("src/dev/benchbook/rows"))
        .resolve("Column.java");
    String original = Files.readString(Path.of("src/main/java/dev/benchbook/rows/Column.java"));
    String anchor = "  TOTAL_NS(Kind.TOTAL_NS";
    assertTrue(original.contains(anchor));
    Files.writeString(column, original.replace(anchor, "  /** COMMIT alone, inside db_total. */\n"
        + "  COMMIT_NS(Kind.SEGMENT_NS, Storage.LONG, \"commit\"),\n" + anchor));
    Path probe = src.resolve("NewColumnProbe.java");
    Files.writeString(probe, PROBE);
    compile(classes, column, probe);
    try (URLClassLoader loader = new ChildFirst(new URL[] {classes.toUri().toURL(),
        Path.of("target/classes").toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> c = loader.loadClass("dev.benchbook.catalog.NewColumnProbe");
      Object report = c.getMethod("run", Path.class, Path.class).invoke(null, tmp,
          Path.of("data/results-20261129-131740.rows.csv.gz"));
      assertEquals(String.join("\n",
          "segments [db_total_ms, lock_wait_ms, fsm_dispatch_ms, fsm_net_ms, api_ms, commit_ms, "
              + "queue_wait_ms, response_ms]",
          "header ends ,total_ns,retries,outcome,commit_ns",
          "read back commit_ns 12345",
          "table has commit_ns true commit_ms true",
          "stats commit_ms p50 0.012345",
          "catalog column true view true",
          "p95-from-rows picks it true, accepts it commit",
          "old file has commit_ns false, rows 14924"), report);
    }
  }

  private static void compile(Path out, Path... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    List<String> options = List.of("-d", out.toString(), "-cp",
        System.getProperty("java.class.path"), "-proc:none", "-nowarn");
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(errors, files, null, options, null,
          files.getJavaFileObjects(sources)).call();
      assertTrue(ok, errors.toString());
    }
  }

  /** Loads the project's own classes from its URLs first, everything else from the parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.benchbook.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  private static final String PROBE = """
      package dev.benchbook.catalog;

      import dev.benchbook.analysis.SegmentStatsCalculator;
      import dev.benchbook.results.RowsCsv;
      import dev.benchbook.results.RowsTable;
      import dev.benchbook.rows.Column;
      import dev.benchbook.rows.Outcome;
      import dev.benchbook.rows.PassRows;
      import dev.benchbook.rows.RawRows;
      import dev.benchbook.rows.RowWriter;
      import dev.benchbook.rows.Segment;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.zip.GZIPInputStream;
      import tech.tablesaw.api.Table;

      public final class NewColumnProbe {
        public static String run(Path dir, Path oldFile) throws Exception {
          List<String> out = new ArrayList<>();
          out.add("segments " + Segment.keys());
          Column commit = Column.valueOf("COMMIT_NS");
          PassRows pass = new PassRows(List.of("c1-zero"), List.of("A", "B"), 4);
          RowWriter writer = pass.writer(0, 0, 0);
          writer.set(Column.TO_STATE, 1);
          writer.set(commit, 12_345);
          writer.commit(Outcome.COMMITTED);
          RawRows rows = new RawRows(List.of("c1-zero"), List.of("A", "B"), 4);
          pass.drainTo(rows);
          Path file = dir.resolve("new.rows.csv.gz");
          RowsCsv.write(rows, file);
          String header;
          try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            header = new String(in.readAllBytes()).lines().findFirst().orElseThrow();
          }
          out.add("header ends " + header.substring(header.indexOf(",total_ns")));
          RawRows back = RowsCsv.read(file);
          out.add("read back commit_ns " + back.longs(commit)[0]);
          Table t = RowsTable.toTable(back, "t");
          out.add("table has commit_ns " + t.columnNames().contains("commit_ns") + " commit_ms "
              + t.columnNames().contains("commit_ms"));
          out.add("stats commit_ms p50 "
              + SegmentStatsCalculator.compute(back, 0).get("commit_ms").p50Ms());
          String schema = CatalogDb.schemaText();
          out.add("catalog column " + schema.contains("  commit_ns INTEGER,") + " view "
              + schema.contains("'commit', commit_ns FROM rows"));
          NamedQuery p95 = NamedQueries.get("p95-from-rows");
          out.add("p95-from-rows picks it " + p95.sql().contains("WHEN 'commit' THEN commit_ns")
              + ", accepts it " + p95.bind(java.util.Map.of("segment", "commit")).get("segment"));
          RawRows old = RowsCsv.read(oldFile);
          out.add("old file has commit_ns " + old.has(commit) + ", rows " + old.size());
          return String.join("\\n", out);
        }
      }
      """;
}
