package dev.benchbook.notebook;

import dev.benchbook.api.Benchbook;
import dev.benchbook.api.ColumnDocs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code help(x)}: what a value offers, printed, as {@code df.info()} and Python's
 * {@code help} do. A table: its rows, and each column's type, unit, missing values and meaning.
 * Anything else: its type and its public methods, each with its one-line doc (from the reference
 * generated from the code, docs/REFERENCE.md). {@code help()} lists the one-liners.
 */
public final class Help {

  private static final String RESOURCE = "reference.tsv";
  /** Methods listed before "... N more": enough for the whole facade (63 one-liners). */
  private static final int MAX_METHODS = 120;
  private static Map<String, String[]> reference;

  private Help() {
  }

  /** Prints the one-liners of {@code Benchbook}. */
  public static void help() {
    help(Benchbook.class);
  }

  /** Prints what {@code x} offers (a {@code Class} for its methods, e.g. {@code Benchbook.class}). */
  public static void help(Object x) {
    System.out.print(text(x));
    System.out.flush();
  }

  /** The text {@link #help(Object)} prints. */
  public static String text(Object x) {
    if (x == null) {
      return "null: no value (a method that returned nothing, or an empty Optional's get)\n";
    }
    if (x instanceof Table t) {
      return table(t);
    }
    return type(x instanceof Class<?> c ? c : x.getClass());
  }

  private static String table(Table t) {
    StringBuilder out = new StringBuilder();
    out.append("Table '").append(t.name()).append("': ").append(t.rowCount()).append(" rows x ")
        .append(t.columnCount()).append(" columns\n");
    int width = Math.max(6, t.columnNames().stream().mapToInt(String::length).max().orElse(6));
    out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-8s %-4s %8s  %s%n", "column",
        "type", "unit", "missing", "meaning"));
    for (Column<?> c : t.columns()) {
      out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-8s %-4s %8d  %s%n", c.name(),
          c.type().name().toLowerCase(Locale.ROOT), ColumnDocs.unit(c.name()), c.countMissing(),
          ColumnDocs.meaning(c.name()).orElse("")));
    }
    out.append("  (a Tablesaw Table: t.print(), t.where(...), t.summarize(...).by(...); "
        + "Benchbook.pivot, Benchbook.bar, Benchbook.line; help(Table.class) for its methods)\n");
    return out.toString();
  }

  private static String type(Class<?> c) {
    StringBuilder out = new StringBuilder();
    String[] own = reference().get(c.getName());
    out.append(c.getName()).append(own == null ? "" : " (" + own[0] + ")");
    out.append(own == null || own[1].isBlank() ? "" : ": " + own[1]).append('\n');
    List<Method> methods = methods(c);
    int shown = 0;
    for (Method m : methods) {
      if (shown++ == MAX_METHODS) {
        out.append("  ... ").append(methods.size() - MAX_METHODS).append(" more methods\n");
        break;
      }
      String[] doc = documented(m);
      out.append("  ").append(doc != null ? doc[0] : signature(m)).append('\n');
      if (doc != null && !doc[1].isBlank()) {
        out.append("      ").append(doc[1]).append('\n');
      }
    }
    if (methods.isEmpty()) {
      out.append("  (no public methods)\n");
    }
    return out.toString();
  }

  /** Public methods of the type and its supertypes, without Object's. */
  private static List<Method> methods(Class<?> c) {
    Map<String, Method> byKey = new LinkedHashMap<>();
    for (Method m : c.getMethods()) {
      if (m.getDeclaringClass() != Object.class && !m.isSynthetic() && !m.isBridge()) {
        byKey.putIfAbsent(key(m), m);
      }
    }
    List<Method> out = new ArrayList<>(byKey.values());
    out.sort(Comparator.comparing(Help::key));
    return out;
  }

  private static String[] documented(Method m) {
    String[] row = reference().get(m.getDeclaringClass().getName() + "#" + key(m));
    return row == null ? null : row;
  }

  private static String key(Method m) {
    StringBuilder s = new StringBuilder(m.getName()).append('(');
    Class<?>[] ps = m.getParameterTypes();
    for (int i = 0; i < ps.length; i++) {
      s.append(i == 0 ? "" : ",").append(ps[i].isArray()
          ? ps[i].getComponentType().getSimpleName() + "[]" : ps[i].getSimpleName());
    }
    return s.append(')').toString();
  }

  private static String signature(Method m) {
    StringBuilder s = new StringBuilder(Modifier.isStatic(m.getModifiers()) ? "static " : "");
    s.append(m.getReturnType().getSimpleName()).append(' ').append(m.getName()).append('(');
    Class<?>[] ps = m.getParameterTypes();
    for (int i = 0; i < ps.length; i++) {
      s.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
    }
    return s.append(')').toString();
  }

  /** Key (type, or type#method(params)) to {declaration or kind, one-line doc}. */
  private static synchronized Map<String, String[]> reference() {
    if (reference == null) {
      Map<String, String[]> map = new LinkedHashMap<>();
      try (InputStream in = Help.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          BufferedReader r = new BufferedReader(new InputStreamReader(in,
              StandardCharsets.UTF_8));
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] f = line.split("\t", -1);
            if (!line.startsWith("#") && f.length == 3) {
              map.put(f[0], new String[] {f[1], f[2]});
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the help reference", e);
      }
      reference = map;
    }
    return reference;
  }
}
