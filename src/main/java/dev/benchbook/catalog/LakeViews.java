package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One DuckDB view per lake table, named and ordered as the catalog's, over the lake's Parquet
 * files of the runs whose {@code runs} partition is in place. A file that is not Parquet (truncated, overwritten) leaves its run out of every view
 * and is named in a warning, so the rest still answers; lookup-table files likewise.
 */
final class LakeViews {

  private LakeViews() {
  }

  /** Creates the views; returns one warning line per file left out. */
  static List<String> create(Connection duck, Path lake) throws SQLException, IOException {
    Map<String, Path> schemas = schemaFiles(lake);
    if (schemas.isEmpty()) {
      throw new CatalogQueryException("no lake at " + lake + "; write it with benchbook lake");
    }
    List<String> warnings = new ArrayList<>();
    Set<Long> badRuns = new LinkedHashSet<>();
    Map<String, List<Path>> files = new LinkedHashMap<>();
    for (String table : schemas.keySet()) {
      files.put(table, goodFiles(lake, table, warnings, badRuns));
    }
    // a run is listed once its runs partition is in place (renamed last): partitions of a run
    // being written, or of an export killed half-way, are left out until it is
    Set<Long> committed = new java.util.HashSet<>(LakeLayout.runsPresent(lake));
    for (Map.Entry<String, List<Path>> e : files.entrySet()) {
      List<Path> keep = e.getValue().stream()
          .filter(f -> LakeLayout.runIdOf(f.getParent())
              .map(id -> committed.contains(id) && !badRuns.contains(id)).orElse(true)).toList();
      createView(duck, e.getKey(), schemas.get(e.getKey()), keep);
    }
    return warnings;
  }

  private static Map<String, Path> schemaFiles(Path lake) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    Path dir = LakeLayout.schemaFile(lake, "x").getParent();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".parquet")) {
          out.put(n.substring(0, n.length() - ".parquet".length()), p);
        }
      }
    }
    return out;
  }

  /** The table's Parquet files that look whole; bad ones go to the warnings. */
  private static List<Path> goodFiles(Path lake, String table, List<String> warnings,
      Set<Long> badRuns) throws IOException {
    Path dir = lake.resolve(table);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir, 2)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
        var bad = LakeLayout.notParquet(f);
        if (bad.isEmpty()) {
          out.add(f);
          continue;
        }
        var run = LakeLayout.runIdOf(f.getParent());
        run.ifPresent(badRuns::add);
        warnings.add(f + ": " + bad.get() + (run.isPresent() ? "; run " + run.get()
            + " left out of every table (benchbook lake writes it again)" : "; left out"));
      }
    }
    return out;
  }

  private static void createView(Connection duck, String table, Path schema, List<Path> files)
      throws SQLException {
    Map<String, String> columns = describe(duck, "read_parquet(" + DuckDb.literal(
        schema.toString()) + ")");
    String view = quote(table);
    if (files.isEmpty()) {
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS SELECT * FROM read_parquet("
          + DuckDb.literal(schema.toString()) + ")");
      return;
    }
    boolean partitioned = LakeLayout.runIdOf(files.get(0).getParent()).isPresent();
    String list = files.stream().map(f -> DuckDb.literal(f.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    String hive = partitioned ? ", hive_partitioning = true, hive_types = {'run_id': BIGINT}" : "";
    String plain = "read_parquet(" + list + hive + ")";
    String names = columns.keySet().stream().map(LakeViews::quote)
        .collect(Collectors.joining(", "));
    try {
      // every file has the schema's columns (one export writes one schema): DuckDB reads one
      // footer to bind, not all of them
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS SELECT " + names + " FROM " + plain);
    } catch (SQLException e) {
      // lakes of different versions merged: union the files' columns by name, NULL for
      // a column no file has
      String source = "read_parquet(" + list + hive + ", union_by_name = true)";
      Map<String, String> present = describe(duck, source);
      String select = columns.entrySet().stream().map(c -> present.containsKey(c.getKey())
          ? quote(c.getKey()) : "CAST(NULL AS " + c.getValue() + ") AS " + quote(c.getKey()))
          .collect(Collectors.joining(", "));
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS SELECT " + select + " FROM " + source);
    }
  }

  /** Column names and types of a table expression, in order. */
  private static Map<String, String> describe(Connection duck, String source)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rs.next()) {
        out.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return out;
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
