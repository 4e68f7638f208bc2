package dev.benchbook.catalog;

import dev.benchbook.rows.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog's raw-rows table and its long-format view, written from {@link Column}: one SQL
 * column per raw-rows column (the config as {@code config_key}), and {@code row_times} with one
 * row per raw row and timed column, so SQL picks a segment by name instead of a CASE per column.
 */
final class RowsSchema {

  /** Where the generated statements go in schema.sql. */
  static final String MARKER = "-- @rows: generated from dev.benchbook.rows.Column (RowsSchema)";

  private static final Map<Column, String> NOTES = Map.of(
      Column.FROM_STATE, "states.state",
      Column.OUTCOME, "outcomes.outcome; 0 = committed",
      Column.ERROR, "what failed (manifest errors); NULL: nothing");

  private static final java.util.regex.Pattern SEGMENT_NS =
      java.util.regex.Pattern.compile("\\bsegment_ns\\((:[A-Za-z_][A-Za-z0-9_]*)\\)");

  private RowsSchema() {
  }

  /** The columns of table {@code rows} after config_key, row_no and run_id, in table order. */
  static List<Column> tableColumns() {
    return Column.inFileOrder().stream().filter(c -> c != Column.CONFIG).toList();
  }

  /** The statements that replace {@link #MARKER}: the rows table, then the row_times view. */
  static String statements() {
    return createTable() + "\n\n" + createView();
  }

  private static String createTable() {
    List<String> lines = new ArrayList<>();
    lines.add("-- Raw rows, one per attempted transition, clustered by config (then file order): "
        + "one column");
    lines.add("-- per raw-rows column. A timed column that a rows file lacks is NULL (absent, "
        + "not zero).");
    lines.add("CREATE TABLE rows (");
    lines.add(line("config_key INTEGER NOT NULL,", "configs.config_key"));
    lines.add(line("row_no INTEGER NOT NULL,", "position in the raw-rows file, from 0"));
    lines.add(line("run_id INTEGER NOT NULL,", null));
    for (Column c : tableColumns()) {
      String note = NOTES.get(c);
      lines.add(line(c.csvKey() + " INTEGER" + (c.optional() ? "," : " NOT NULL,"), note));
    }
    lines.add("  committed BOOLEAN GENERATED ALWAYS AS (outcome = 0) VIRTUAL,");
    lines.add("  PRIMARY KEY (config_key, row_no)");
    lines.add(") WITHOUT ROWID;");
    return String.join("\n", lines);
  }

  private static String createView() {
    List<String> lines = new ArrayList<>();
    lines.add("-- Timed values of raw rows in long format: one row per raw row and timed column "
        + "that it has,");
    lines.add("-- segment = the column's name without _ns (fsm_dispatch, api, lock_wait, "
        + "db_total, fsm_net, total).");
    lines.add("CREATE VIEW row_times (config_key, row_no, run_id, committed, segment, ns) AS");
    String sep = "  ";
    for (Column c : Column.timedColumns()) {
      lines.add(sep + "SELECT config_key, row_no, run_id, committed, '" + c.baseName() + "', "
          + c.csvKey() + " FROM rows WHERE " + c.csvKey() + " IS NOT NULL");
      sep = "  UNION ALL ";
    }
    return String.join("\n", lines) + ";";
  }

  /**
   * Named queries' {@code segment_ns(:param)}: the timed column the parameter names (its name
   * without {@code _ns}), as a CASE written from the columns; a column of its own is about twice
   * as fast for a per-config percentile as the {@code row_times} view (docs/CATALOG.md); and a
   * parameter's type {@code (segment_ns)}: one of those names, e.g. {@code (fsm_dispatch|api|...)}.
   */
  static String expandSegmentNs(String sql) {
    String names = Column.timedColumns().stream().map(Column::baseName)
        .collect(java.util.stream.Collectors.joining("|", "(", ")"));
    java.util.regex.Matcher m = SEGMENT_NS.matcher(sql.replace("(segment_ns)", names));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder c = new StringBuilder("CASE ").append(m.group(1));
      for (Column col : Column.timedColumns()) {
        c.append(" WHEN '").append(col.baseName()).append("' THEN ").append(col.csvKey());
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(c.append(" END")
          .toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String line(String definition, String note) {
    String l = "  " + definition;
    if (note == null) {
      return l;
    }
    return String.format("%-38s-- %s", l, note);
  }
}
