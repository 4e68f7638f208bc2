package dev.benchbook.catalog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A query result as a Tablesaw table, one column type per column from its values: all
 * integers fitting an int give an IntColumn, other integers a LongColumn, any real a
 * DoubleColumn (integers in it widened), ISO-8601 UTC text (or a TIMESTAMP column) an
 * InstantColumn, a BOOLEAN column of 0/1 a BooleanColumn, anything else a StringColumn. NULL is
 * the column's missing value. A column with no values takes its type from its declaration.
 */
public final class ResultTables {

  private static final Pattern INSTANT = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private enum Type { INT, LONG, DOUBLE, BOOLEAN, INSTANT, STRING }

  private ResultTables() {
  }

  /** The result as a table named {@code name}. */
  public static Table toTable(QueryResult result, String name) {
    Table t = Table.create(name);
    for (int c = 0; c < result.columns().size(); c++) {
      t.addColumns(column(result, c));
    }
    return t;
  }

  private static Column<?> column(QueryResult r, int c) {
    String name = uniqueName(r.columns(), c);
    Type type = typeOf(r, c);
    switch (type) {
      case INT: {
        IntColumn col = IntColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(((Number) row[c]).intValue()));
        }
        return col;
      }
      case LONG: {
        LongColumn col = LongColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(((Number) row[c]).longValue()));
        }
        return col;
      }
      case DOUBLE: {
        DoubleColumn col = DoubleColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(((Number) row[c]).doubleValue()));
        }
        return col;
      }
      case BOOLEAN: {
        BooleanColumn col = BooleanColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(((Number) row[c]).intValue() != 0));
        }
        return col;
      }
      case INSTANT: {
        InstantColumn col = InstantColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(Instant.parse((String) row[c])));
        }
        return col;
      }
      default: {
        StringColumn col = StringColumn.create(name);
        for (Object[] row : r.rows()) {
          appendOrMissing(col, row[c], () -> col.append(text(row[c])));
        }
        return col;
      }
    }
  }

  private static void appendOrMissing(Column<?> col, Object value, Runnable append) {
    if (value == null) {
      col.appendMissing();
    } else {
      append.run();
    }
  }

  private static Type typeOf(QueryResult r, int c) {
    String declared = r.declaredTypes().get(c).toUpperCase(Locale.ROOT);
    boolean anyValue = false;
    boolean allInt = true;
    boolean allIntegral = true;
    boolean allNumber = true;
    boolean allInstant = true;
    boolean allBit = true;
    for (Object[] row : r.rows()) {
      Object v = row[c];
      if (v == null) {
        continue;
      }
      anyValue = true;
      allInt &= v instanceof Integer;
      allIntegral &= v instanceof Integer || v instanceof Long;
      allNumber &= v instanceof Number;
      allBit &= v instanceof Integer i && (i == 0 || i == 1);
      allInstant &= v instanceof String s && isInstant(s);
    }
    if (!anyValue) {
      return declaredOnly(declared);
    }
    if (allBit && declared.equals("BOOLEAN")) {
      return Type.BOOLEAN;
    }
    if (allInt) {
      return Type.INT;
    }
    if (allIntegral) {
      return Type.LONG;
    }
    if (allNumber) {
      return Type.DOUBLE;
    }
    return allInstant ? Type.INSTANT : Type.STRING;
  }

  private static Type declaredOnly(String declared) {
    if (declared.contains("INT")) {
      return Type.LONG;
    }
    if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
      return Type.DOUBLE;
    }
    if (declared.equals("BOOLEAN")) {
      return Type.BOOLEAN;
    }
    return declared.equals("TIMESTAMP") ? Type.INSTANT : Type.STRING;
  }

  private static boolean isInstant(String s) {
    if (!INSTANT.matcher(s).matches()) {
      return false;
    }
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String text(Object v) {
    return v instanceof byte[] b ? HexFormat.of().formatHex(b) : v.toString();
  }

  /** Tablesaw needs distinct column names: a repeated label gets _2, _3... */
  private static String uniqueName(List<String> labels, int c) {
    String label = labels.get(c);
    int seen = 0;
    for (int i = 0; i < c; i++) {
      if (labels.get(i).equalsIgnoreCase(label)) {
        seen++;
      }
    }
    return seen == 0 ? label : label + "_" + (seen + 1);
  }
}
