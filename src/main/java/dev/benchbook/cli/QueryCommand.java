package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.Engine;
import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.NamedQueries;
import dev.benchbook.catalog.NamedQuery;
import dev.benchbook.catalog.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook query}: read-only SQL over the catalog of every run under the data dir. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Run one read-only SQL statement over every run under the data dir (the "
        + "catalog is brought up to date first). Statements that would write are refused. "
        + "Tables: runs, run_params, configs, segment_stats, repetitions, repetition_stats, "
        + "comparisons, comparison_segments, rows, states, outcomes (docs/CATALOG.md)."},
    footer = {"", "Examples:",
        "  benchbook query \"SELECT name, kind, created_at FROM runs ORDER BY created_at\"",
        "  benchbook query --named p95-trend --param segment=lock_wait_ms --param config=c10-zero",
        "  benchbook query -f q1.sql --format csv",
        "  benchbook query - < q1.sql",
        "  benchbook query --list"})
final class QueryCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SQL", description = "One SELECT (or WITH ... "
      + "SELECT, VALUES, EXPLAIN) statement, which may start with a -- comment; - reads it "
      + "from standard input; :name parameters take --param values.")
  String sql;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement "
      + "from FILE (- for standard input), e.g. a query pasted from docs/CATALOG.md.")
  String file;

  /** Standard input (tests replace it). */
  static InputStream stdin = System.in;

  @Option(names = "--named", paramLabel = "NAME", description = "Run a named query (see "
      + "--list) or a .sql file with the same header.")
  String named;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value "
      + "(repeatable, each name once).")
  List<String> params = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "5m", description = "Longest the query may run before it is stopped "
          + "(default ${DEFAULT-VALUE}; e.g. 30s, 2m).")
  Duration timeout;

  @Option(names = "--list", description = "List the named queries with their descriptions "
      + "and parameters.")
  boolean list;

  @Mixin
  OutputOptions output;

  @Mixin
  CatalogLocation location;

  @Option(names = "--timing", description = "Print the update and query times on stderr.")
  boolean timing;

  @Option(names = "--engine", paramLabel = "ENGINE", description = "sqlite (the catalog, "
      + "default) or duckdb (DuckDB over the Parquet lake, brought up to date first; "
      + "docs/CATALOG.md).")
  String engine = "sqlite";

  @Option(names = "--lake", paramLabel = "DIR", description = "With --engine duckdb: the lake "
      + "to read as it is, e.g. several runners' lakes merged (default: the data dir's, "
      + "updated first).")
  Path lake;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      printList(out);
      return ExitCode.OK;
    }
    String text = statement();
    Map<String, String> given = KeyValues.parse(params, "--param");
    Map<String, String> values = named == null ? given : NamedQueries.get(named).bind(given);
    PrintWriter err = spec.commandLine().getErr();
    if (Engine.parse(engine) == Engine.DUCKDB) {
      out.print(output.render(LakeAccess.query(location, lake, text, values, err).table()));
      out.flush();
      return ExitCode.OK;
    }
    Path db = location.file(err);
    long sqliteNs = Catalog.loadSqlite();
    ImportReport report = CatalogAccess.update(location.dataDir, db, true);
    CatalogAccess.warn(report, err);
    warn(report);
    LakeAccess.hintWhenSlow(report, err);
    QueryResult result = Catalog.query(location.dataDir, db, text, values, timeout,
        w -> err.println("benchbook: warning: " + w));
    out.print(output.render(result.table()));
    out.flush();
    if (timing) {
      err.printf(Locale.ROOT, "benchbook: SQLite load %.3f s; catalog %s %.3f s; query %.3f s, "
          + "%d rows%n", sqliteNs / 1e9, report.changed() ? "update" : "up-to-date check",
          report.elapsedNs() / 1e9,
          result.elapsedNs() / 1e9, result.size());
      err.flush();
    }
    return ExitCode.OK;
  }

  private String statement() throws IOException, BadInputException {
    int given = (sql == null ? 0 : 1) + (named == null ? 0 : 1) + (file == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException(given == 0
          ? "give a SQL statement, -f FILE, --named NAME or --list"
          : "give one of a SQL statement, -f FILE or --named NAME, not several");
    }
    if (named != null) {
      return NamedQueries.get(named).sql();
    }
    String source = file != null ? file : sql;
    if (source.equals("-")) {
      return nonEmpty(new String(stdin.readAllBytes(), StandardCharsets.UTF_8), "standard input");
    }
    if (file == null) {
      return sql;
    }
    try {
      return nonEmpty(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    }
  }

  private static String nonEmpty(String text, String where) throws BadInputException {
    if (text.isBlank()) {
      throw new BadInputException(where + ": no SQL statement");
    }
    return text;
  }

  /**
   * The arguments with a statement that starts with a {@code --} comment (e.g. pasted from the
   * docs: {@code "-- Q1: ...\nSELECT ..."}) moved behind picocli's {@code --}, so it is read as
   * the SQL and not as an unknown option. Only an argument with whitespace right after its
   * leading {@code --} is moved: no option looks like that.
   */
  static String[] commentedSql(String[] args) {
    List<String> out = new ArrayList<>();
    List<String> sqls = new ArrayList<>();
    boolean ended = false;
    for (String a : args) {
      ended |= a.equals("--");
      if (!ended && a.length() > 2 && a.startsWith("--") && Character.isWhitespace(a.charAt(2))) {
        sqls.add(a);
      } else {
        out.add(a);
      }
    }
    if (sqls.isEmpty()) {
      return args;
    }
    if (!ended) {
      out.add("--");
    }
    out.addAll(sqls);
    return out.toArray(new String[0]);
  }

  private void warn(ImportReport report) {
    if (report.ok()) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("benchbook: warning: " + report.badFiles().size() + " bad results file(s) "
        + "left out of the catalog (benchbook catalog lists why): "
        + String.join(", ", report.badFiles().stream().map(Path::toString).toList()));
    err.flush();
  }

  private static void printList(PrintWriter out) {
    for (NamedQuery q : NamedQueries.all()) {
      out.println(q.name() + ": " + q.description());
      for (String p : q.paramLines()) {
        out.println("    --param " + p);
      }
    }
    out.flush();
  }
}
