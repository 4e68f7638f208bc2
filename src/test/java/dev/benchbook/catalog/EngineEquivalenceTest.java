package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every named query file runs unchanged on the SQLite catalog and on DuckDB over the lake and
 * gives the same answers, value by value (reals to 1e-9 relative); percentiles computed by
 * both engines from the raw rows agree to 1e-9 ms.
 */
class EngineEquivalenceTest {

  private static final Path QUERIES = Path.of("src/main/resources/queries");

  /** Every .sql file shipped as a named query: a new file is covered with no change here. */
  static List<Path> queryFiles() throws IOException {
    try (Stream<Path> s = Files.list(QUERIES)) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyNamedQueryGivesTheSameAnswersOnBothEngines() throws IOException {
    List<Path> files = queryFiles();
    assertTrue(files.size() >= 7, "named queries found: " + files);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      NamedQuery q = NamedQueries.get(f.toString());
      Map<String, String> params = q.bind(Map.of());
      assertSame(q.name(), q.sql(), params);
    }));
  }

  /** Parameter values other than the defaults, on the queries that take them. */
  @TestFactory
  Stream<DynamicTest> namedQueriesWithOtherParametersAgreeToo() {
    List<Object[]> cases = List.of(
        new Object[] {"p95-trend", Map.of("config", "c10-zero", "strategy", "",
            "concurrency", "")},
        new Object[] {"p95-trend", Map.of("segment", "fsm_net_ms", "concurrency", "1",
            "last", "3")},
        new Object[] {"best-strategy", Map.of("include_none", "1")},
        new Object[] {"p95-from-rows", Map.of("segment", "lock_wait")},
        new Object[] {"p95-from-rows", Map.of("segment", "db_total",
            "run", "results-20261126-211822")},
        new Object[] {"worker-share", Map.of("run", "results-20261126-211822", "role", "")},
        new Object[] {"sync-or-hold", Map.of("synchronous", "NORMAL", "hold_ms", "0.5")});
    return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1], () -> {
      NamedQuery q = NamedQueries.get((String) c[0]);
      @SuppressWarnings("unchecked")
      Map<String, String> given = (Map<String, String>) c[1];
      assertSame(q.name(), q.sql(), q.bind(given));
    }));
  }

  @Test
  void percentilesOfEverySegmentAndConfigAgreeTo1e9Ms() {
    String sql = "SELECT config_key, count(*) AS n, "
        + "percentile_cont(lock_wait_ns, 0.5) / 1e6 AS p50, "
        + "percentile_cont(db_total_ns, 0.95) / 1e6 AS p95, "
        + "percentile_cont(fsm_net_ns, 0.99) / 1e6 AS p99, "
        + "percentile(fsm_dispatch_ns, 99.9) / 1e6 AS p999, median(total_ns) AS med "
        + "FROM rows WHERE committed GROUP BY config_key ORDER BY config_key";
    QueryResult lite = Catalog.query(CatalogFixture.sharedCatalog(), sql, Map.of());
    QueryResult duck = LakeFixture.duck(LakeFixture.sharedLake(), sql, Map.of());
    assertTrue(lite.size() >= 30, "configs with rows: " + lite.size());
    assertEquals(lite.size(), duck.size());
    for (int r = 0; r < lite.size(); r++) {
      for (int c = 0; c < lite.columns().size(); c++) {
        double a = ((Number) lite.value(r, c)).doubleValue();
        double b = ((Number) duck.value(r, c)).doubleValue();
        assertEquals(a, b, 1e-9, "row " + r + " column " + lite.columns().get(c));
      }
    }
  }

  @Test
  void quantileContIsTheLinearDefinitionOnHandComputedValues() {
    // 10, 20, 30, 40: P95 at rank 0.95 * 3 = 2.85 -> 30 + 0.85 * 10 = 38.5 (numpy's default)
    String sql = "SELECT percentile_cont(x, 0.95) AS p95, percentile_cont(x, 0.5) AS p50 "
        + "FROM (VALUES (10), (40), (20), (30)) AS t(x)";
    QueryResult duck = LakeFixture.duck(LakeFixture.sharedLake(), sql, Map.of());
    QueryResult lite = Catalog.query(CatalogFixture.sharedCatalog(),
        "SELECT percentile_cont(x, 0.95) AS p95, percentile_cont(x, 0.5) AS p50 FROM "
            + "(SELECT 10 AS x UNION ALL SELECT 40 UNION ALL SELECT 20 UNION ALL SELECT 30)",
        Map.of());
    assertEquals(38.5, ((Number) duck.value(0, 0)).doubleValue(), 1e-12);
    assertEquals(25.0, ((Number) duck.value(0, 1)).doubleValue(), 1e-12);
    assertEquals(38.5, ((Number) lite.value(0, 0)).doubleValue(), 1e-12);
    assertEquals(25.0, ((Number) lite.value(0, 1)).doubleValue(), 1e-12);
  }

  private static void assertSame(String name, String sql, Map<String, String> params) {
    QueryResult lite = Catalog.query(CatalogFixture.sharedCatalog(), sql, params);
    QueryResult duck = LakeFixture.duck(LakeFixture.sharedLake(), sql, params);
    assertSameAnswers(name, lite, duck);
  }

  /** The same columns and rows (in a canonical order), reals equal to 1e-9 relative. */
  static void assertSameAnswers(String name, QueryResult lite, QueryResult duck) {
    assertEquals(lite.columns(), duck.columns(), name + ": columns");
    assertEquals(lite.size(), duck.size(), name + ": rows");
    assertFalse(lite.size() == 0 && !name.equals("sync-or-hold"), name + " returned no rows");
    List<Object[]> a = sorted(lite.rows());
    List<Object[]> b = sorted(duck.rows());
    for (int r = 0; r < a.size(); r++) {
      for (int c = 0; c < lite.columns().size(); c++) {
        assertValue(a.get(r)[c], b.get(r)[c], name + " row " + r + " column "
            + lite.columns().get(c));
      }
    }
  }

  /** Rows in one canonical order (ties of the ORDER BY may come in either order). */
  private static List<Object[]> sorted(List<Object[]> rows) {
    List<Object[]> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(r -> Arrays.toString(Arrays.stream(r)
        .map(v -> v instanceof Number n ? String.format(java.util.Locale.ROOT, "%.6g",
            n.doubleValue()) : String.valueOf(v)).toArray())));
    return out;
  }

  private static void assertValue(Object a, Object b, String where) {
    if (a instanceof Number x && b instanceof Number y) {
      double d = x.doubleValue();
      assertEquals(d, y.doubleValue(), Math.max(1e-9, Math.abs(d) * 1e-9), where);
    } else {
      assertEquals(a, b, where);
    }
  }

  @Test
  void everyCatalogTableHasTheSameRowsInTheLake() {
    Map<String, Long> lite = new LinkedHashMap<>();
    QueryResult tables = Catalog.query(CatalogFixture.sharedCatalog(), "SELECT name FROM "
        + "sqlite_schema WHERE type = 'table' AND name NOT IN ('meta', 'files') ORDER BY name",
        Map.of());
    for (Object[] t : tables.rows()) {
      String table = (String) t[0];
      long n = ((Number) Catalog.query(CatalogFixture.sharedCatalog(), "SELECT count(*) FROM "
          + table, Map.of()).value(0, 0)).longValue();
      lite.put(table, n);
      assertEquals(n, LakeFixture.count(LakeFixture.sharedLake(), "SELECT count(*) FROM "
          + table), table);
      List<String> liteCols = Catalog.query(CatalogFixture.sharedCatalog(), "SELECT * FROM "
          + table + " LIMIT 0", Map.of()).columns();
      List<String> duckCols = LakeFixture.duck(LakeFixture.sharedLake(), "SELECT * FROM "
          + table + " LIMIT 0", Map.of()).columns();
      assertEquals(liteCols, duckCols, table + ": the same columns in the same order");
    }
    assertTrue(lite.get("rows") > 150_000, "raw rows: " + lite);
  }
}
