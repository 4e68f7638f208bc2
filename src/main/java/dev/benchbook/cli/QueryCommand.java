package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.Engine;
import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.NamedQueries;
import dev.benchbook.catalog.NamedQuery;
import dev.benchbook.catalog.QueryFormat;
import dev.benchbook.catalog.QueryResult;
import java.io.PrintWriter;
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
        "  benchbook query --list"})
final class QueryCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SQL", description = "One SELECT (or WITH ... "
      + "SELECT, VALUES, EXPLAIN) statement; :name parameters take --param values.")
  String sql;

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

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv, json or "
      + "markdown (default: ${DEFAULT-VALUE}).")
  String format = "table";

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
    QueryFormat fmt = format();
    String text = statement();
    Map<String, String> given = KeyValues.parse(params, "--param");
    Map<String, String> values = named == null ? given : NamedQueries.get(named).bind(given);
    PrintWriter err = spec.commandLine().getErr();
    if (Engine.parse(engine) == Engine.DUCKDB) {
      out.print(fmt.render(LakeAccess.query(location, lake, text, values, err)));
      out.flush();
      return ExitCode.OK;
    }
    Path file = location.file(err);
    long sqliteNs = Catalog.loadSqlite();
    ImportReport report = CatalogAccess.update(location.dataDir, file, true);
    CatalogAccess.warn(report, err);
    warn(report);
    LakeAccess.hintWhenSlow(report, err);
    QueryResult result = Catalog.query(location.dataDir, file, text, values, timeout,
        w -> err.println("benchbook: warning: " + w));
    out.print(fmt.render(result));
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

  private QueryFormat format() {
    try {
      return QueryFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be table, csv, json or markdown; got '"
          + format + "'");
    }
  }

  private String statement() {
    if ((sql == null) == (named == null)) {
      throw new IllegalArgumentException(sql == null
          ? "give a SQL statement, --named NAME or --list"
          : "give either a SQL statement or --named NAME, not both");
    }
    return named == null ? sql : NamedQueries.get(named).sql();
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
