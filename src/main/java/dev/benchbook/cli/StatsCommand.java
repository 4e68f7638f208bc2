package dev.benchbook.cli;

import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.format.Column;
import dev.benchbook.format.Precision;
import dev.benchbook.format.Table;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RowsCsv;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.RawRows;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code benchbook stats}: every segment's stats per config, computed from raw rows. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Compute count, mean, min, P50/P90/P95/P99/P99.9 and max of every segment and "
        + "config from a raw-rows file (or the rows beside a results JSON).")
final class StatsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A results-*.json or a *.rows.csv.gz file.")
  Path file;

  @Option(names = "--timing", description = "Print load and compute times on stderr.")
  boolean timing;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    long t0 = System.nanoTime();
    RawRows rows = load();
    long t1 = System.nanoTime();
    Map<String, Map<String, SegmentStats>> stats = SegmentStatsCalculator.computeAll(rows);
    long t2 = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.render(table(stats)));
    out.flush();
    if (timing) {
      spec.commandLine().getErr().printf(Locale.ROOT, "loaded %,d rows in %.3f s; stats in %.3f s%n",
          rows.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }

  private RawRows load() throws Exception {
    if (file.getFileName().toString().endsWith(RowsCsv.SUFFIX)) {
      return RowsCsv.read(file);
    }
    LoadedRun run = ResultsReader.read(file);
    if (!run.hasRowsFile()) {
      throw new BadInputException(file + ": has no raw-rows file beside it");
    }
    return run.withRows().rows().orElseThrow();
  }

  /** One row per config and segment: count, then mean, min, percentiles and max in ms. */
  static Table table(Map<String, Map<String, SegmentStats>> stats) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("config"), Column.text("segment"),
        Column.integer("count")));
    for (String name : List.of("mean", "min", "p50", "p90", "p95", "p99", "p999", "max")) {
      columns.add(Column.real(name + "_ms", "ms", Precision.decimals(4)));
    }
    Table.Builder t = Table.builder("", columns);
    stats.forEach((config, segments) -> segments.forEach((segment, s) -> t.row(config, segment,
        s.count(), s.meanMs(), s.minMs(), s.p50Ms(), s.p90Ms(), s.p95Ms(), s.p99Ms(),
        s.p999Ms(), s.maxMs())));
    return t.build();
  }
}
