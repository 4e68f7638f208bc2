package dev.benchbook.cli;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Fairness;
import dev.benchbook.analysis.Gate;
import dev.benchbook.analysis.PercentileDelta;
import dev.benchbook.api.Benchbook;
import dev.benchbook.report.ComparisonTable;
import dev.benchbook.report.FairnessTable;
import dev.benchbook.report.Insights;
import dev.benchbook.report.PercentileTable;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.Sides;
import dev.benchbook.format.Document;
import dev.benchbook.format.Format;
import dev.benchbook.rows.Segment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook compare}: the seed-style before/after table of two configs. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare a baseline config with a mitigation config: P95 deltas, throughput "
        + "ratio, intervals and verdicts. A results-mitigation file alone compares its own "
        + "baseline and mitigation run; two files compare a config of each, or every config id "
        + "they share. --fail-on regression makes it a CI gate (exit 4).")
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..2", description = "One or two results files.")
  List<Path> files;

  @Option(names = "--baseline-config", paramLabel = "ID", description = "Baseline config id.")
  Optional<String> baselineId = Optional.empty();

  @Option(names = "--mitigation-config", paramLabel = "ID", description = "Mitigation config id.")
  Optional<String> mitigationId = Optional.empty();

  @Mixin
  OutputOptions output;

  @Option(names = "--force", description = "Compare even when the workloads differ.")
  boolean force;

  @Option(names = "--noise-threshold-pct", paramLabel = "PCT", description = "Changes below this are within noise (default: ${DEFAULT-VALUE}).")
  double noiseThresholdPct = CompareOptions.DEFAULT_NOISE_THRESHOLD_PCT;

  @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed = CompareOptions.DEFAULT_SEED;

  @Option(names = "--fail-on", paramLabel = "WHAT", description = "regression: exit 4 when a "
      + "chosen segment's P95 (or the throughput) regressed with its interval clear of zero and "
      + "by at least --min-delta (a CI gate).")
  Optional<String> failOn = Optional.empty();

  @Option(names = "--segment", split = ",", paramLabel = "NAME[,NAME...]", description = "What "
      + "the gate judges: segment keys (lock_wait_ms, fsm_net_ms, ...) and/or throughput "
      + "(default: every segment and the throughput).")
  List<String> gateSegments = new ArrayList<>();

  @Option(names = "--percentile", split = ",", paramLabel = "P[,P...]", description = "Also "
      + "compare these percentiles of every segment, in percent (e.g. 99,99.9 or 50), each with "
      + "its interval and verdict; needs both files' raw rows.")
  List<Double> percentiles = new ArrayList<>();

  @Option(names = "--min-delta", paramLabel = "PCT", description = "Smallest regression that "
      + "fails the gate, e.g. 5%% (default: 5%%).")
  String minDelta = "5%";

  @Override
  public Integer call() throws Exception {
    double minDeltaPct = gateOptions();
    checkPercentiles();
    LoadedRun first = read(files.get(0));
    LoadedRun second = files.size() > 1 ? read(files.get(1)) : first;
    if (!percentiles.isEmpty()) {
      first = first.withRowsIfPresent();
      second = files.size() > 1 ? second.withRowsIfPresent() : first;
    }
    CompareOptions options = CompareOptions.defaults().withForce(force).withSeed(seed)
        .withNoiseThresholdPct(noiseThresholdPct);
    List<Comparison> all = new ArrayList<>();
    List<String[]> pairs = pairs(first, second);
    StringBuilder text = new StringBuilder();
    Document.Builder doc = Document.builder();
    for (String[] pair : pairs) {
      Comparison c = Benchbook.compare(first, pair[0], second, pair[1], options);
      all.add(c);
      List<PercentileDelta> extra = percentileDeltas(first, second, pair, c, options);
      Sides sides = sides(c, first, second);
      if (output.format == Format.JSON || output.format == Format.CSV
          || output.format == Format.MARKDOWN) {
        String one = legacy(c, sides, extra, first, second, pairs.size() > 1);
        text.append(pairs.size() > 1 && output.format.machine() ? several(c, one) : one);
      } else {
        doc.append(document(c, sides, extra, first, second, pairs.size() > 1));
      }
    }
    if (pairs.size() > 1 && !output.format.machine()) {
      Document summary = Document.builder().table(ComparisonTable.summary(all)).build();
      if (output.format == Format.MARKDOWN) {
        text.insert(0, Format.MARKDOWN.render(summary, output.layout()) + "\n");
      } else {
        doc = Document.builder().append(summary).append(doc.build());
      }
    }
    if (pairs.size() > 1 && output.format == Format.JSON) {
      text.setLength(text.length() - 2);
      text.insert(0, "[ ").append(" ]\n");
    } else if (pairs.size() > 1 && output.format == Format.CSV) {
      text.insert(0, "baseline_config,mitigation_config," + ComparisonTable.csv(all.get(0))
          .lines().findFirst().orElseThrow() + "\n");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text.length() > 0 ? text : output.render(doc.build()));
    Insights.atomicityWarning(List.of(first.run().config(all.get(0).baselineConfig())
        .orElseThrow(), second.run().config(all.get(0).mitigationConfig()).orElseThrow()))
        .ifPresent(w -> spec.commandLine().getErr().println("benchbook: " + w));
    out.flush();
    if (failOn.isEmpty()) {
      return ExitCode.OK;
    }
    return gate(all, minDeltaPct);
  }

  /**
   * One of several comparisons in a machine format, to be joined into one document: a JSON
   * value followed by ", " (the caller makes the array), or CSV lines without the header, each
   * led by the two config ids (the caller writes one header).
   */
  private String several(Comparison c, String one) {
    if (output.format == Format.JSON) {
      return one.strip() + ", ";
    }
    StringBuilder sb = new StringBuilder();
    one.lines().skip(1).forEach(l -> sb.append(ComparisonTable.csvLine(List.of(
        c.baselineConfig(), c.mitigationConfig()))).append(',').append(l).append('\n'));
    return sb.toString();
  }

  /** Markdown, CSV and JSON as they were before the output model (scripts read them). */
  private String legacy(Comparison c, Sides sides, List<PercentileDelta> extra, LoadedRun first,
      LoadedRun second, boolean several) {
    if (output.format == Format.JSON) {
      return extra.isEmpty() ? ComparisonTable.json(c) : PercentileTable.jsonWith(c, extra);
    }
    if (output.format == Format.CSV) {
      return ComparisonTable.csv(c) + PercentileTable.render(extra, Format.CSV);
    }
    StringBuilder sb = new StringBuilder(several ? "### " + heading(c) + "\n\n" : "");
    sb.append(ComparisonTable.markdown(c, sides));
    fairness(c, first, second).ifPresent(t -> sb.append('\n')
        .append(Format.MARKDOWN.render(t, output.layout())).append('\n'));
    return sb.append(PercentileTable.render(extra, Format.MARKDOWN,
        sides.baselineLabel(), sides.mitigationLabel())).toString();
  }

  /** The comparison, the contention and fairness table of its two configs, the percentiles. */
  private Document document(Comparison c, Sides sides, List<PercentileDelta> extra,
      LoadedRun first, LoadedRun second, boolean several) {
    Document.Builder d = Document.builder();
    if (several) {
      d.heading(3, heading(c));
    }
    d.append(ComparisonTable.document(c, sides));
    fairness(c, first, second).ifPresent(d::table);
    PercentileTable.tables(extra, sides.baselineLabel(), sides.mitigationLabel())
        .forEach(d::table);
    return d.build();
  }

  /** Both sides by run name; two files with the same name are told apart by their paths. */
  private static Sides sides(Comparison c, LoadedRun first, LoadedRun second) {
    boolean twins = first != second && first.name().equals(second.name());
    return twins ? Sides.of(c, first.path().toString(), second.path().toString())
        : Sides.of(c, first.name(), second.name());
  }

  private static String heading(Comparison c) {
    return c.baselineConfig().equals(c.mitigationConfig()) ? c.baselineConfig()
        : c.mitigationConfig();
  }

  private static java.util.Optional<dev.benchbook.format.Table> fairness(Comparison c,
      LoadedRun first, LoadedRun second) {
    List<ConfigResult> both = List.of(
        Fairness.fill(first.withRowsIfPresent()).run().config(c.baselineConfig()).orElseThrow(),
        Fairness.fill(second.withRowsIfPresent()).run().config(c.mitigationConfig())
            .orElseThrow());
    Sides sides = sides(c, first, second);
    return FairnessTable.table(both, List.of(c.baselineConfig() + " ("
        + sides.baselineLabel().toLowerCase(java.util.Locale.ROOT) + ")", c.mitigationConfig()
        + " (" + sides.mitigationLabel().toLowerCase(java.util.Locale.ROOT) + ")"));
  }

  private void checkPercentiles() {
    for (double p : percentiles) {
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("--percentile: expected percentiles in [0, 100], e.g. "
            + "99 or 99.9; got " + p);
      }
    }
  }

  /** The --percentile deltas of every compared segment, in the order given. */
  private List<PercentileDelta> percentileDeltas(LoadedRun first, LoadedRun second,
      String[] pair, Comparison c, CompareOptions options) throws BadInputException {
    if (percentiles.isEmpty()) {
      return List.of();
    }
    for (LoadedRun run : new LinkedHashSet<>(List.of(first, second))) {
      if (run.rows().isEmpty()) {
        throw new BadInputException(run.path() + ": --percentile needs the raw rows "
            + "(.rows.csv.gz beside the JSON), and this file has none");
      }
    }
    List<PercentileDelta> out = new ArrayList<>();
    for (double p : percentiles) {
      for (SegmentDelta row : c.segments()) {
        out.add(Benchbook.percentileDelta(first, pair[0], second, pair[1], row.segment(),
            java.math.BigDecimal.valueOf(p).movePointLeft(2).doubleValue(), options));
      }
    }
    return out;
  }

  /** Validates the gate flags; returns --min-delta in percent. */
  private double gateOptions() {
    failOn.filter(v -> !v.equals("regression")).ifPresent(v -> {
      throw new IllegalArgumentException("--fail-on must be regression; got '" + v + "'");
    });
    for (String name : gateSegments) {
      if (!name.equals(Gate.THROUGHPUT) && Segment.byKey(name).isEmpty()) {
        throw new IllegalArgumentException("--segment: expected "
            + String.join(", ", Segment.keys()) + " or " + Gate.THROUGHPUT + "; got '" + name
            + "'");
      }
    }
    String v = minDelta.endsWith("%") ? minDelta.substring(0, minDelta.length() - 1) : minDelta;
    try {
      double pct = Double.parseDouble(v.trim());
      if (pct >= 0 && pct < 1000) {
        return pct;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--min-delta: expected a percentage in [0, 1000), e.g. "
        + "5%; got '" + minDelta + "'");
  }

  private int gate(List<Comparison> all, double minDeltaPct) throws BadInputException {
    Gate.Result r = Gate.check(all, new LinkedHashSet<>(gateSegments), minDeltaPct);
    PrintWriter err = spec.commandLine().getErr();
    for (String line : r.unjudged()) {
      err.println("benchbook: gate: not judged: " + line
          + " (a verdict needs 3+ repetitions a side and runs on the same machine and JVM; "
          + "between two run files, 3+ forks a side: see the intervals line)");
    }
    if (r.judged() == 0) {
      err.flush();
      throw new BadInputException("gate: nothing could be judged: no chosen figure has a "
          + "verdict; compare two runs made with --forks 3 or more on the same machine and JVM");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (r.failed()) {
      out.println("Gate: FAILED (" + r.regressions().size() + " regression"
          + (r.regressions().size() == 1 ? "" : "s") + " of " + minDelta + " or more, interval "
          + "clear of zero):");
      r.regressions().forEach(line -> out.println("  " + line));
    } else {
      out.println("Gate: passed (" + r.judged() + " figures judged; none regressed by "
          + minDelta + " or more with its interval clear of zero)");
    }
    out.flush();
    err.flush();
    return r.failed() ? ExitCode.REGRESSION : ExitCode.OK;
  }

  /**
   * Baseline and mitigation ids to compare: the given or implied pair, or, for two files with
   * several configs each and no ids given, every config id the two files share.
   */
  private List<String[]> pairs(LoadedRun first, LoadedRun second) throws BadInputException {
    if (files.size() > 1 && baselineId.isEmpty() && mitigationId.isEmpty()
        && first.run().allConfigs().size() > 1 && second.run().allConfigs().size() > 1) {
      List<String[]> out = new ArrayList<>();
      for (ConfigResult c : first.run().allConfigs()) {
        if (second.run().config(c.id()).isPresent()) {
          out.add(new String[] {c.id(), c.id()});
        }
      }
      if (out.isEmpty()) {
        throw new BadInputException(first.path() + " and " + second.path() + " share no config "
            + "id; give --baseline-config and --mitigation-config (configs: " + ids(first.run())
            + " / " + ids(second.run()) + ")");
      }
      return out;
    }
    if (files.size() == 1 && mitigationId.isEmpty() && first.run().baseline().isPresent()) {
      return everyMitigation(first, pick(first, baselineId, true).id());
    }
    return List.<String[]>of(new String[] {pick(first, baselineId, true).id(),
        pick(second, mitigationId, false).id()});
  }

  /** A mitigation file alone: its baseline against every mitigation it holds, in file order. */
  private static List<String[]> everyMitigation(LoadedRun run, String baseline)
      throws BadInputException {
    List<String[]> out = new ArrayList<>();
    RunFile f = run.run();
    for (ConfigResult m : f.mitigationRun().map(List::of).orElse(List.of())) {
      out.add(new String[] {baseline, m.id()});
    }
    for (ConfigResult m : f.mitigationRuns()) {
      if (out.stream().noneMatch(p -> p[1].equals(m.id()))) {
        out.add(new String[] {baseline, m.id()});
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(run.path() + ": not a mitigation file; give "
          + "--baseline-config and --mitigation-config (configs: " + ids(f) + ")");
    }
    return out;
  }

  private static LoadedRun read(Path file) throws BadInputException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    return Benchbook.load(file.toString());
  }

  private ConfigResult pick(LoadedRun run, Optional<String> id, boolean baselineSide)
      throws BadInputException {
    RunFile f = run.run();
    if (id.isPresent()) {
      return f.config(id.get()).orElseThrow(() -> new BadInputException(run.path()
          + ": no config '" + id.get() + "'; configs: " + ids(f)));
    }
    if (files.size() == 1) {
      Optional<ConfigResult> c = baselineSide ? f.baseline() : f.mitigationRun()
          .or(() -> f.mitigationRuns().stream().findFirst());
      return c.orElseThrow(() -> new BadInputException(run.path() + ": not a mitigation file; "
          + "give --baseline-config and --mitigation-config (configs: " + ids(f) + ")"));
    }
    List<ConfigResult> all = f.allConfigs();
    if (all.size() == 1) {
      return all.get(0);
    }
    Optional<String> other = baselineSide ? mitigationId : baselineId;
    if (other.isPresent() && f.config(other.get()).isPresent()) {
      return f.config(other.get()).get();
    }
    throw new BadInputException(run.path() + ": holds several configs; give --"
        + (baselineSide ? "baseline" : "mitigation") + "-config (configs: " + ids(f) + ")");
  }

  private static String ids(RunFile f) {
    return String.join(", ", f.allConfigs().stream().map(ConfigResult::id).toList());
  }
}
