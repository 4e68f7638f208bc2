package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.api.ColumnDocs;
import dev.benchbook.results.LoadedRun;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * docs/REFERENCE.md and the one-line docs {@code help(x)} shows are generated from the code
 * (types and methods by reflection, one-line Javadoc from the sources, tables by building each
 * one from the committed data), so they cannot drift: a change that alters them fails here
 * until they are regenerated with
 * {@code mvn -q -o test -Dtest=ReferenceDocTest -Dreference.write=true}.
 */
class ReferenceDocTest {

  static final Path DOC = Path.of("docs/REFERENCE.md");
  static final Path HELP = Path.of("src/main/resources/dev/benchbook/notebook/reference.tsv");
  static final String REGENERATE = "regenerate with: mvn -q -o test -Dtest=ReferenceDocTest "
      + "-Dreference.write=true";

  /** Facade methods returning a table whose columns depend on the input, and why. */
  static final Map<String, String> FREE_FORM = Map.of(
      "query", "a query's columns are its SELECT's (the catalog's tables: docs/CATALOG.md)",
      "round", "the input table's columns, rounded",
      "pivot", "the row column, then one column per value of the column argument");

  /** The committed open-loop run (docs/OPEN-LOOP.md). */
  static final String OPEN_LOOP_RUN = "data/results-mitigation-20261203-084535.json";

  /** Each facade table, built from committed data. */
  static Map<String, Supplier<Table>> tables() {
    LoadedRun run = Benchbook.load("data/results-mitigation-20261126-211850.json");
    LoadedRun sweep = Benchbook.load("data/contention/results-20261126-210804.json");
    Map<String, Supplier<Table>> out = new LinkedHashMap<>();
    out.put("stats(LoadedRun[])", () -> Benchbook.stats(run));
    out.put("stats(List)", () -> Benchbook.stats(List.of(run)));
    out.put("rows(LoadedRun)", () -> Benchbook.rows(run));
    out.put("perWorker(LoadedRun)", () -> Benchbook.perWorker(run));
    out.put("perWorker(LoadedRun,String)", () -> Benchbook.perWorker(run, "c10-fast"));
    out.put("repetitions(LoadedRun)", () -> Benchbook.repetitions(run));
    out.put("sweep(LoadedRun)", () -> Benchbook.sweep(sweep));
    out.put("openLoop(LoadedRun)", () -> Benchbook.openLoop(Benchbook.load(OPEN_LOOP_RUN)));
    out.put("failures(LoadedRun)", () -> Benchbook.failures(run));
    return out;
  }

  @Test
  void theReferenceAndTheHelpTextAreWhatTheCodeSays() throws IOException {
    String doc = markdown();
    String help = helpTsv();
    if (Boolean.getBoolean("reference.write")) {
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      Files.createDirectories(HELP.getParent());
      Files.writeString(HELP, help, StandardCharsets.UTF_8);
    }
    assertEquals(doc, Files.exists(DOC) ? Files.readString(DOC) : "", DOC + " is stale; "
        + REGENERATE);
    assertEquals(help, Files.exists(HELP) ? Files.readString(HELP) : "", HELP + " is stale; "
        + REGENERATE);
  }

  @Test
  void everyFacadeTableIsBuiltAndEveryColumnHasAMeaning() {
    Set<String> tableMethods = new TreeSet<>();
    for (Method m : Reference.methods(Benchbook.class)) {
      if (m.getReturnType() == Table.class && !FREE_FORM.containsKey(m.getName())) {
        tableMethods.add(Reference.key(m));
      }
    }
    assertEquals(tableMethods, new TreeSet<>(tables().keySet()),
        "a facade method returning a table needs an entry in tables() (or FREE_FORM)");
    List<String> undocumented = new ArrayList<>();
    tables().forEach((method, table) -> {
      for (Column<?> c : table.get().columns()) {
        if (ColumnDocs.meaning(c.name()).isEmpty()) {
          undocumented.add(method + ": " + c.name());
        }
      }
    });
    assertEquals(List.of(), undocumented, "columns without a meaning in api/ColumnDocs");
  }

  @Test
  void everyFacadeMethodHasAOneLineDoc() {
    List<String> missing = new ArrayList<>();
    for (Class<?> c : Reference.types(Benchbook.class)) {
      for (Reference.Member m : Reference.members(c)) {
        if (m.doc().isBlank()) {
          missing.add(c.getSimpleName() + "." + m.key());
        }
      }
    }
    assertTrue(missing.size() <= 0, "public methods without a one-line Javadoc: " + missing);
  }

  static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Reference: the facade and its tables\n\n")
        .append("Generated from the code by `ReferenceDocTest` (types and methods by reflection, ")
        .append("one-line docs from the Javadoc, tables built from the committed `data/`); ")
        .append("the test fails when this file is stale. In a notebook or the `shell`, ")
        .append("`help(x)` prints the same for any value, `help(Benchbook.class)` the one-liners.")
        .append(" Examples: [NOTEBOOKS.md](NOTEBOOKS.md); the catalog's SQL tables: ")
        .append("[CATALOG.md](CATALOG.md).\n\n## Tables\n\n")
        .append("Units are in the column names (`_ms`, `_ns`, `_s`, `_per_s`).\n");
    tables().forEach((method, supplier) -> {
      Table t = supplier.get();
      out.append("\n### `Benchbook.").append(method).append("`\n\n")
          .append("| column | type | unit | meaning |\n|---|---|---|---|\n");
      for (Column<?> c : t.columns()) {
        out.append("| `").append(c.name()).append("` | ").append(c.type().name().toLowerCase(
            java.util.Locale.ROOT)).append(" | ").append(ColumnDocs.unit(c.name())).append(" | ")
            .append(cell(ColumnDocs.meaning(c.name()).orElse(""))).append(" |\n");
      }
    });
    out.append("\nTables whose columns follow their input: ");
    List<String> free = new ArrayList<>();
    new TreeSet<>(FREE_FORM.keySet()).forEach(k -> free.add("`" + k + "` (" + FREE_FORM.get(k)
        + ")"));
    out.append(String.join("; ", free)).append(".\n\n## Types\n\n")
        .append("Every type the one-liners take or give, with its public methods.\n");
    for (Class<?> c : Reference.types(Benchbook.class)) {
      out.append("\n### ").append(c.getSimpleName()).append("\n\n`").append(c.getName())
          .append("` (").append(kind(c)).append(")");
      String summary = Reference.typeSummary(c);
      out.append(summary.isBlank() ? "" : ": " + summary).append("\n\n");
      if (c.isEnum()) {
        List<String> names = new ArrayList<>();
        for (Object constant : c.getEnumConstants()) {
          names.add("`" + ((Enum<?>) constant).name() + "`");
        }
        out.append("Constants: ").append(String.join(", ", names)).append(".\n\n");
      }
      List<Reference.Member> members = Reference.members(c);
      if (members.isEmpty()) {
        continue;
      }
      out.append("| method | what it does |\n|---|---|\n");
      for (Reference.Member m : members) {
        out.append("| `").append(cell(m.signature())).append("` | ").append(cell(m.doc()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** One line per type and member: key, declaration, doc (tab separated). */
  static String helpTsv() {
    StringBuilder out = new StringBuilder("# generated by ReferenceDocTest: type or "
        + "type#method(params) TAB declaration TAB one-line doc\n");
    for (Class<?> c : Reference.types(Benchbook.class)) {
      out.append(c.getName()).append('\t').append(kind(c)).append('\t')
          .append(Reference.typeSummary(c)).append('\n');
      for (Reference.Member m : Reference.members(c)) {
        out.append(c.getName()).append('#').append(m.key()).append('\t')
            .append(m.signature()).append('\t').append(m.doc()).append('\n');
      }
    }
    return out.toString();
  }

  private static String kind(Class<?> c) {
    return c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface"
        : "class";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\t", " ");
  }
}
