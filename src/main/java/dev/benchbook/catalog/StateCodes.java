package dev.benchbook.catalog;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * State codes in the lake. The catalog numbers states in the order it first saw them, so two
 * catalogs may give one name two codes; the lake uses a code derived from the name (31 bits of
 * its CRC-32) in {@code states.state} and in every {@code *_state} column, so rows of merged
 * lakes join the same state names. Two names with one code are refused by name.
 */
final class StateCodes {

  private final Map<Long, Long> globalOfLocal;

  private StateCodes(Map<Long, Long> globalOfLocal) {
    this.globalOfLocal = globalOfLocal;
  }

  /** The codes of the catalog's {@code states} table (none when it has no such table). */
  static StateCodes of(Connection catalog) throws SQLException {
    Map<Long, Long> map = new HashMap<>();
    Map<Long, String> nameOfGlobal = new HashMap<>();
    try (Statement st = catalog.createStatement();
        ResultSet tables = st.executeQuery("SELECT count(*) FROM sqlite_schema "
            + "WHERE type = 'table' AND name = 'states'")) {
      tables.next();
      if (tables.getInt(1) == 0) {
        return new StateCodes(map);
      }
    }
    try (Statement st = catalog.createStatement();
        ResultSet rs = st.executeQuery("SELECT state, name FROM states")) {
      while (rs.next()) {
        String name = rs.getString(2);
        long global = global(name);
        String other = nameOfGlobal.putIfAbsent(global, name);
        if (other != null && !other.equals(name)) {
          throw new CatalogQueryException("states '" + other + "' and '" + name
              + "' have the same lake code " + global + "; rename one of them");
        }
        map.put(rs.getLong(1), global);
      }
    }
    return new StateCodes(map);
  }

  /** The lake's code of a state name. */
  static long global(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() & Integer.MAX_VALUE;
  }

  /** True when a column holds state codes: {@code state} or a name ending in {@code _state}. */
  static boolean isStateColumn(String column) {
    return column.equals("state") || column.endsWith("_state");
  }

  /** The lake's code of a catalog code (unknown codes are kept). */
  long toLake(long local) {
    Long g = globalOfLocal.get(local);
    return g == null ? local : g;
  }
}
