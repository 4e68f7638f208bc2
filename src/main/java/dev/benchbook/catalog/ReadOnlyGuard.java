package dev.benchbook.catalog;

import dev.benchbook.catalog.SqlText.Kind;
import dev.benchbook.catalog.SqlText.Token;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before it runs, any statement that would write to the catalog or change the
 * connection: one statement only; it must start with SELECT, WITH, VALUES, EXPLAIN or a
 * read-only PRAGMA; a WITH must end in a SELECT; and its compiled program (from
 * {@code EXPLAIN}, which compiles without running) must hold no write transaction and no
 * write opcode. That last check is what {@code sqlite3_stmt_readonly()} reads, which
 * sqlite-jdbc does not expose. The connection itself is opened read-only with
 * {@code PRAGMA query_only=ON} as well, so a statement this guard missed still cannot write.
 */
final class ReadOnlyGuard {

  private static final Set<String> READ_STARTS = Set.of("SELECT", "WITH", "VALUES");
  private static final Set<String> WRITE_VERBS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");
  private static final Set<String> WRITE_STARTS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE",
      "DROP", "CREATE", "ALTER", "ATTACH", "DETACH", "BEGIN", "COMMIT", "END", "ROLLBACK",
      "SAVEPOINT", "RELEASE", "VACUUM", "REINDEX", "ANALYZE");
  private static final Set<String> READ_PRAGMAS = Set.of("TABLE_INFO", "TABLE_XINFO",
      "TABLE_LIST", "INDEX_LIST", "INDEX_INFO", "INDEX_XINFO", "FOREIGN_KEY_LIST",
      "DATABASE_LIST", "FUNCTION_LIST", "PRAGMA_LIST", "MODULE_LIST", "COLLATION_LIST",
      "COMPILE_OPTIONS", "USER_VERSION", "SCHEMA_VERSION", "PAGE_COUNT", "PAGE_SIZE",
      "FREELIST_COUNT", "ENCODING", "INTEGRITY_CHECK", "QUICK_CHECK");
  /** Opcodes that only a statement writing a database (or the schema) compiles to. */
  private static final Set<String> WRITE_OPCODES = Set.of("OpenWrite", "Vacuum", "JournalMode",
      "VUpdate", "VCreate", "VDestroy", "CreateBtree", "Destroy", "Clear", "ParseSchema",
      "SetCookie", "Checkpoint", "IncrVacuum", "DropTable", "DropIndex", "DropTrigger");

  private ReadOnlyGuard() {
  }

  /** The one statement of {@code sql}; fails with one line when it could write. */
  static String check(Connection connection, String sql) {
    List<Token> tokens = oneStatement(sql);
    boolean explain = tokens.get(0).upper().equals("EXPLAIN");
    List<Token> explained = explain ? afterExplain(tokens) : tokens;
    String statement = SqlText.source(sql, tokens);
    String first = explained.get(0).upper();
    if (!READ_STARTS.contains(first) && !first.equals("PRAGMA")
        && !WRITE_STARTS.contains(first)) {
      programWrites(connection, SqlText.source(sql, explained));
      throw new CatalogQueryException("refused: only SELECT, WITH ... SELECT, VALUES, EXPLAIN "
          + "and read-only PRAGMAs run on the catalog; found " + first);
    }
    checkWords(explained);
    if (!explain) {
      checkProgram(connection, statement);
    }
    return statement;
  }

  /** The tokens of the one statement of {@code sql}; fails when there are none or several. */
  static List<Token> oneStatement(String sql) {
    List<List<Token>> statements = SqlText.statements(sql);
    if (statements.isEmpty()) {
      throw new CatalogQueryException("no SQL statement given");
    }
    if (statements.size() > 1) {
      throw new CatalogQueryException("one statement per query, found " + statements.size()
          + " (separated by ';')");
    }
    return statements.get(0);
  }

  private static List<Token> afterExplain(List<Token> tokens) {
    int i = 1;
    if (tokens.size() > 2 && tokens.get(1).upper().equals("QUERY")
        && tokens.get(2).upper().equals("PLAN")) {
      i = 3;
    }
    if (i >= tokens.size()) {
      throw new CatalogQueryException("EXPLAIN needs a statement to explain");
    }
    return tokens.subList(i, tokens.size());
  }

  private static void checkWords(List<Token> tokens) {
    String first = tokens.get(0).upper();
    if (first.equals("PRAGMA")) {
      checkPragma(tokens);
      return;
    }
    if (!READ_STARTS.contains(first)) {
      throw refused(first);
    }
    if (first.equals("WITH")) {
      int depth = 0;
      for (Token t : tokens) {
        depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
        if (depth == 0 && t.kind() == Kind.WORD && WRITE_VERBS.contains(t.upper())) {
          throw refused("WITH ... " + t.upper());
        }
      }
    }
  }

  private static void checkPragma(List<Token> tokens) {
    String name = tokens.size() > 1 ? tokens.get(1).upper() : "";
    if (tokens.size() > 3 && tokens.get(2).is(".")) {
      name = tokens.get(3).upper();
    }
    boolean assigns = tokens.stream().anyMatch(t -> t.is("="));
    if (assigns || !READ_PRAGMAS.contains(name)) {
      throw new CatalogQueryException("refused: PRAGMA " + name.toLowerCase(java.util.Locale.ROOT)
          + (assigns ? " with a value" : "") + " is not a read-only pragma here; the catalog is "
          + "queried read-only (SELECT, WITH ... SELECT, VALUES, EXPLAIN, PRAGMA table_info(...))");
    }
  }

  private static void checkProgram(Connection connection, String statement) {
    programWrites(connection, statement).ifPresent(opcode -> {
      throw new CatalogQueryException("refused: the statement would write to the catalog ("
          + opcode + " in its compiled program); the catalog is queried read-only");
    });
  }

  /**
   * The first write opcode of the statement's compiled program (a write transaction, a write
   * cursor, a schema change, an ATTACH or DETACH), or empty when it only reads. Compiling with
   * EXPLAIN runs nothing.
   */
  static java.util.Optional<String> programWrites(Connection connection, String statement) {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("EXPLAIN " + statement)) {
      while (rs.next()) {
        String opcode = rs.getString(2);
        boolean writeTransaction = opcode.equals("Transaction") && rs.getInt(4) != 0;
        boolean attach = opcode.equals("Function") && String.valueOf(rs.getString(6))
            .matches("(?i).*sqlite_(attach|detach).*");
        if (writeTransaction || attach || WRITE_OPCODES.contains(opcode)) {
          return java.util.Optional.of(opcode);
        }
      }
      return java.util.Optional.empty();
    } catch (SQLException e) {
      throw SqlErrors.of(e);
    }
  }

  private static CatalogQueryException refused(String what) {
    return new CatalogQueryException("refused: " + what + " statements write to the catalog or "
        + "change the connection; the catalog is queried read-only (SELECT, WITH ... SELECT, "
        + "VALUES, EXPLAIN, PRAGMA table_info(...))");
  }
}
