package dev.benchbook.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchbook.catalog.SqlText.Token;
import dev.benchbook.results.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before it runs, any statement on the lake that is not one query: one statement
 * only, starting with SELECT, WITH, VALUES, FROM (DuckDB's FROM-first SELECT), and one that
 * DuckDB's own parser accepts as a SELECT ({@code json_serialize_sql} serialises SELECT
 * statements only). So {@code COPY ... TO}, {@code ATTACH}, {@code INSTALL}, {@code LOAD},
 * {@code SET}, {@code PRAGMA}, {@code CREATE} and {@code WITH ... INSERT} are refused. Behind
 * it, the connection may read only the lake's folder and its configuration is locked
 * ({@link LakeQuery}).
 */
final class DuckGuard {

  private static final Set<String> READ_STARTS = Set.of("SELECT", "WITH", "VALUES", "FROM");

  private DuckGuard() {
  }

  /** The one statement of {@code sql}; fails with one line when it is not a query. */
  static String check(Connection duck, String sql) throws SQLException {
    List<Token> tokens = ReadOnlyGuard.oneStatement(sql);
    String first = tokens.get(0).upper();
    if (!READ_STARTS.contains(first)) {
      throw new CatalogQueryException("refused: only SELECT, WITH ... SELECT, VALUES and "
          + "FROM queries run on the lake (DuckDB); found " + first);
    }
    String statement = SqlText.source(sql, tokens);
    checkParsed(duck, statement);
    return statement;
  }

  private static void checkParsed(Connection duck, String statement) throws SQLException {
    try (PreparedStatement ps = duck.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      ps.setString(1, statement);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JsonNode tree = Json.MAPPER.readTree(rs.getString(1));
        if (tree.path("error").asBoolean(false)) {
          String why = tree.path("error_message").asText("not a query");
          if (why.toLowerCase(java.util.Locale.ROOT).contains("only select")) {
            throw new CatalogQueryException("refused: only queries run on the lake (DuckDB); "
                + "this statement is not a SELECT");
          }
          // a syntax error: DuckDB says which when the statement is prepared
          return;
        }
        if (tree.path("statements").size() != 1) {
          throw new CatalogQueryException("one statement per query, found "
              + tree.path("statements").size());
        }
      }
    } catch (IOException e) {
      throw new CatalogQueryException("cannot check the statement: " + e.getMessage());
    }
  }
}
