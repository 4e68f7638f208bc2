package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Spark SQL (local mode, test scope only) reads the lake as a team's cluster would: every table
 * folder registered as a view ({@code run_id} a column of the files, partition discovery adding
 * the {@code batch} column of the batch folders), and every named query
 * gives SQLite's answers. The queries run with three spellings changed for Spark's dialect
 * ({@link #forSpark}): its exact {@code percentile} for SQLite's {@code percentile_cont} (both
 * linear interpolation between closest ranks; Spark's {@code percentile_approx} is another
 * definition), {@code collect_set} for {@code group_concat(DISTINCT ...)}, STRING for TEXT.
 */
class SparkLakeIT {

  private static SparkSession spark;
  private static Path lake;
  private static Path catalog;

  /** A small lake (four runs, 53k raw rows) keeps the IT short: one of each kind of run. */
  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("benchbook-spark-lake");
    Path data = dir.resolve("data");
    CatalogFixture.copySome(data, "seed-phase-14/results-mitigation-20260222-114707.json",
        "results-20261126-211822.json", "results-20261126-211822.rows.csv.gz",
        "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz",
        "contention/results-mitigation-20261126-210911.json",
        "contention/results-mitigation-20261126-210911.rows.csv.gz");
    assertTrue(Catalog.update(data).ok());
    catalog = Catalog.defaultFile(data);
    lake = dir.resolve("lake");
    // raw rows as the lake command writes them: from the rows files
    assertEquals(3, Lake.export(catalog, data, lake, ImportProgress.NONE).runsFromRowsFiles());
    spark = SparkSession.builder().master("local[2]").appName("benchbook-lake-it")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.warehouse.dir", lake.resolveSibling("warehouse").toString())
        .getOrCreate();
    for (Path table : LakeLayout.tableDirs(lake)) {
      spark.read().parquet(table.toString())
          .createOrReplaceTempView(table.getFileName().toString());
    }
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** A named query in Spark's spelling (see the class comment). */
  static String forSpark(String sql) {
    String s = sql.replaceAll("(?i)\\bpercentile_cont\\(", "percentile(");
    s = Pattern.compile("(?i)group_concat\\(DISTINCT ([^)]*\\))\\)")
        .matcher(s).replaceAll("array_join(array_sort(collect_set($1)), ',')");
    return s.replaceAll("(?i)\\bAS TEXT\\)", "AS STRING)");
  }

  @TestFactory
  Stream<DynamicTest> everyNamedQueryGivesSqlitesAnswersOnSpark() throws Exception {
    List<Path> files = EngineEquivalenceTest.queryFiles();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      NamedQuery q = NamedQueries.get(f.toString());
      Map<String, String> params = q.bind(Map.of());
      QueryResult lite = Catalog.query(catalog, q.sql(), params);
      QueryResult onSpark = spark(forSpark(q.sql()), params);
      EngineEquivalenceTest.assertSameAnswers(q.name(), lite, onSpark);
    }));
  }

  @Test
  void exactPercentilesOfEveryConfigMatchSqliteTo1e9Ms() {
    String sql = "SELECT config_key, count(*) AS n, "
        + "percentile_cont(lock_wait_ns, 0.5) / 1e6 AS p50, "
        + "percentile_cont(db_total_ns, 0.95) / 1e6 AS p95, "
        + "percentile_cont(fsm_net_ns, 0.99) / 1e6 AS p99 "
        + "FROM rows WHERE committed GROUP BY config_key ORDER BY config_key";
    QueryResult lite = Catalog.query(catalog, sql, Map.of());
    QueryResult onSpark = spark(forSpark(sql), Map.of());
    assertTrue(lite.size() >= 15, "configs with rows: " + lite.size());
    EngineEquivalenceTest.assertSameAnswers("percentiles", lite, onSpark);
  }

  @Test
  void theSparkLinesOfTheDocsRunAsWritten() throws Exception {
    String lines = LakeDocsTest.example("spark");
    java.util.regex.Matcher read = Pattern.compile("spark\\.read\\.parquet\\(\"([^\"]+)\"\\)"
        + "\\.createOrReplaceTempView\\(\"(\\w+)\"\\)").matcher(lines);
    assertTrue(read.find(), lines);
    spark.read().parquet(read.group(1).replace("data/.benchbook-lake", lake.toString()))
        .createOrReplaceTempView("doc_" + read.group(2));
    java.util.regex.Matcher sql = Pattern.compile("spark\\.sql\\(\"([^\"]+)\"\\)").matcher(lines);
    assertTrue(sql.find(), lines);
    QueryResult onSpark = spark(sql.group(1).replace("FROM " + read.group(2),
        "FROM doc_" + read.group(2)) + " ORDER BY config_key", Map.of());
    QueryResult lite = Catalog.query(catalog, "SELECT config_key, percentile_cont(fsm_net_ns, "
        + "0.95) / 1e6 AS p95_ms FROM rows WHERE committed GROUP BY config_key ORDER BY 1",
        Map.of());
    EngineEquivalenceTest.assertSameAnswers("docs' Spark lines", lite, onSpark);
  }

  @Test
  void everyTableHasTheCatalogsRowCountAndRunIdAsAColumn() {
    for (Path table : listTables()) {
      String name = table.getFileName().toString();
      long expected = ((Number) Catalog.query(catalog,
          "SELECT count(*) FROM " + name, Map.of()).value(0, 0)).longValue();
      assertEquals(expected, spark.sql("SELECT count(*) FROM " + name).first().getLong(0), name);
    }
    assertEquals(4L, spark.sql("SELECT count(DISTINCT run_id) FROM runs").first().getLong(0));
    assertEquals(1L, spark.sql("SELECT count(DISTINCT batch) FROM rows").first().getLong(0),
        "one export, one batch: its folder's name is the batch column");
  }

  private static List<Path> listTables() {
    try {
      return LakeLayout.tableDirs(lake);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs a query on Spark with named parameters typed as the catalog binds them. */
  private static QueryResult spark(String sql, Map<String, String> params) {
    Map<String, Object> args = new HashMap<>();
    params.forEach((k, v) -> {
      Object typed = BoundSql.typed(v);
      args.put(k, typed instanceof Long l && l == l.intValue() ? (Object) l.intValue() : typed);
    });
    Dataset<Row> ds = args.isEmpty() ? spark.sql(sql) : spark.sql(sql, args);
    List<String> columns = List.of(ds.columns());
    List<Object[]> rows = new ArrayList<>();
    for (Row r : ds.collectAsList()) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = LakeQuery.value(r.get(i));
      }
      rows.add(row);
    }
    return new QueryResult(columns, columns.stream().map(c -> "").toList(), rows, 0);
  }
}
