package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DuckDB example of docs/CATALOG.md runs as written (on a lake of the committed runs). */
class LakeDocsTest {

  /** The code block after {@code <!-- lake-example: NAME -->} in docs/CATALOG.md. */
  static String example(String name) throws Exception {
    String doc = Files.readString(Path.of("docs/CATALOG.md"));
    int at = doc.indexOf("<!-- lake-example: " + name + " -->");
    assertTrue(at >= 0, "no " + name + " example in docs/CATALOG.md");
    int start = doc.indexOf('\n', doc.indexOf("```", at)) + 1;
    return doc.substring(start, doc.indexOf("```", start)).strip();
  }

  @Test
  void theDuckDbExampleGivesTheCatalogsP95PerConfig() throws Exception {
    String sql = example("duckdb").replace("data/.benchbook-lake",
        LakeFixture.sharedLake().toString());
    Map<String, Double> duck = new HashMap<>();
    try (Connection c = DuckDb.open(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql.replaceAll(";$", ""))) {
      while (rs.next()) {
        duck.merge(rs.getString(1), rs.getDouble(2), Math::max);
      }
    }
    QueryResult lite = Catalog.query(CatalogFixture.sharedCatalog(), "SELECT c.config, "
        + "max(p) FROM (SELECT config_key, percentile_cont(fsm_net_ns, 0.95) / 1e6 AS p FROM rows "
        + "WHERE committed GROUP BY config_key) JOIN configs c USING (config_key) "
        + "GROUP BY c.config", Map.of());
    assertTrue(lite.size() > 10);
    assertEquals(lite.size(), duck.size());
    for (Object[] row : lite.rows()) {
      assertEquals(((Number) row[1]).doubleValue(), duck.get((String) row[0]), 1e-9,
          (String) row[0]);
    }
  }
}
