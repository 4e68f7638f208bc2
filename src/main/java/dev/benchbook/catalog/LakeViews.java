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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One DuckDB view per lake table, named and ordered as the catalog's, over the Parquet files of
 * the lake's whole committed batches ({@link LakeState}); a run that several batches list is
 * read from the newest. A file that is not Parquet (truncated, overwritten) leaves its batch's
 * runs out of every view and is named in a warning, so the rest still answers; lookup-table
 * files likewise.
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
    LakeState state = LakeState.read(lake);
    List<String> warnings = new ArrayList<>(state.warnings(lake));
    Map<String, Set<Long>> shadowed = state.shadowed();
    for (Map.Entry<String, Path> e : schemas.entrySet()) {
      String table = e.getKey();
      List<Read> reads = new ArrayList<>();
      List<Path> plain = new ArrayList<>();
      for (LakeBatch b : state.whole()) {
        List<Path> files = state.files(b.id(), table);
        Set<Long> hidden = shadowed.getOrDefault(b.id(), Set.of());
        if (files.isEmpty()) {
          continue;
        }
        if (hidden.isEmpty()) {
          plain.addAll(files);
        } else {
          reads.add(new Read(files, hidden.stream().map(String::valueOf)
              .collect(Collectors.joining(", ", " WHERE run_id NOT IN (", ")"))));
        }
      }
      Map<String, String> columns = describe(duck, "read_parquet(" + DuckDb.literal(
          e.getValue().toString()) + ")");
      if (!columns.containsKey("run_id")) {
        plain.addAll(lookupFiles(lake, table, warnings));
      }
      if (!plain.isEmpty()) {
        reads.add(0, new Read(plain, ""));
      }
      createView(duck, table, e.getValue(), columns, reads);
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

  /**
   * The files of a lookup table (a table without {@code run_id}: one file per row, directly in
   * its folder) that look whole; bad ones warned.
   */
  private static List<Path> lookupFiles(Path lake, String table, List<String> warnings)
      throws IOException {
    Path dir = lake.resolve(table);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    for (Path f : LakeLayout.parquetFiles(dir)) {
      var bad = LakeLayout.notParquet(f);
      if (bad.isEmpty()) {
        out.add(f);
      } else {
        warnings.add(f + ": " + bad.get() + "; left out");
      }
    }
    return out;
  }

  private static String list(List<Path> files) {
    return files.stream().map(f -> DuckDb.literal(f.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Files read together, with a filter (a WHERE clause, or empty).
   *
   * @param files the Parquet files
   * @param filter what to leave out of them
   */
  private record Read(List<Path> files, String filter) {
  }

  /**
   * The view: the union of its reads (one over the plain files, and one per batch that lists
   * runs a newer batch holds, leaving those out); the schema file alone when there are none.
   */
  private static void createView(Connection duck, String table, Path schema,
      Map<String, String> columns, List<Read> parts) throws SQLException {
    String view = quote(table);
    if (parts.isEmpty()) {
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS SELECT * FROM read_parquet("
          + DuckDb.literal(schema.toString()) + ")");
      return;
    }
    String names = columns.keySet().stream().map(LakeViews::quote)
        .collect(Collectors.joining(", "));
    try {
      // every file has the schema's columns (one export writes one schema): DuckDB reads one
      // footer to bind, not all of them
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS " + parts.stream().map(p -> "SELECT "
          + names + " FROM read_parquet(" + list(p.files()) + ", hive_partitioning = false)"
          + p.filter())
          .collect(Collectors.joining(" UNION ALL ")));
    } catch (SQLException e) {
      // lakes of different versions merged: union the files' columns by name, NULL for
      // a column no file has
      List<String> selects = new ArrayList<>();
      for (Read p : parts) {
        String source = "read_parquet(" + list(p.files()) + ", hive_partitioning = false, "
            + "union_by_name = true)";
        Map<String, String> present = describe(duck, source);
        String select = columns.entrySet().stream().map(c -> present.containsKey(c.getKey())
            ? quote(c.getKey()) : "CAST(NULL AS " + c.getValue() + ") AS " + quote(c.getKey()))
            .collect(Collectors.joining(", "));
        selects.add("SELECT " + select + " FROM " + source + p.filter());
      }
      DuckDb.exec(duck, "CREATE VIEW " + view + " AS " + String.join(" UNION ALL ", selects));
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
