package dev.benchbook.cli;

import dev.benchbook.analysis.RateSweeps;
import dev.benchbook.analysis.RunSummarizer;
import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.analysis.Sweeps;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.report.RateSweepTable;
import dev.benchbook.report.SweepTable;
import dev.benchbook.format.Format;
import dev.benchbook.runtime.Arrivals;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.StrategySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook sweep}: vary one knob, per strategy, and name the contention knee. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Vary concurrency, hold-ms or synchronous; print throughput and P95/P99 "
        + "lock_wait per strategy at each point and name the knee.")
final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--vary", required = true, paramLabel = "KNOB=V1,V2,...",
      description = "concurrency=1,2,4,8,16,32 | hold-ms=0,0.5,1,2 | synchronous=NORMAL,FULL | "
          + "rate=500,1000,2000 (open loop, transitions/s: the latency-throughput curve and "
          + "its knee per strategy)")
  String vary;

  @Option(names = "--strategy", split = StrategyChoices.SPLIT, splitSynopsisLabel = ",",
      paramLabel = "NAME[:KEY=V,...]",
      completionCandidates = StrategyChoices.Names.class,
      converter = StrategyChoices.Checked.class,
      description = "Strategies to sweep: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  List<String> strategies = new ArrayList<>(List.of(Strategies.BASELINE.name()));

  @Mixin
  PointOptions point;

  @Mixin
  WorkloadOptions workload;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    workload.validate();
    point.validate();
    int eq = vary.indexOf('=');
    if (eq < 1 || eq == vary.length() - 1) {
      throw new IllegalArgumentException("--vary must look like concurrency=1,2,4; got '" + vary
          + "'");
    }
    String knob = vary.substring(0, eq);
    List<String> values = List.of(vary.substring(eq + 1).split(","));
    Map<String, String> valueById = new LinkedHashMap<>();
    List<BenchConfig> configs = new ArrayList<>();
    for (String s : strategies) {
      for (String v : values) {
        BenchConfig c = config(knob, v.trim(), s);
        valueById.put(c.id(), v.trim());
        configs.add(c);
      }
    }
    RunPlan plan = workload.plan(configs);
    Measured measured = Runs.measure(plan, workload, "sweep", spec.commandLine().getErr(),
        Summary.sweep(knob, values, valueById::get));
    List<SweepPoint> points = measured.file().configs().stream()
        .map(c -> Sweeps.point(c, valueById.get(c.id()))).toList();
    spec.commandLine().getOut().println(output.format == Format.MARKDOWN
        ? SweepTable.markdown(knob, points) : output.render(SweepTable.document(knob, points)));
    if (RunSummarizer.RATE.equals(knob)) {
      spec.commandLine().getOut().println(RateSweepTable.markdown(
          RateSweeps.points(measured.file().configs(), values)));
    }
    Runs.writeAndPrint(measured, workload, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private BenchConfig config(String knob, String value, String strategy) {
    String base = BenchConfig.standardId(point.concurrency, point.profile, strategy);
    try {
      switch (knob) {
        case "concurrency":
          int c = Integer.parseInt(value);
          return workload.config(BenchConfig.standardId(c, point.profile, strategy), c,
              point.profile, strategy, workload.synchronous, workload.holdMs);
        case "hold-ms":
          double h = Double.parseDouble(value);
          if (h < 0) {
            throw new IllegalArgumentException("--vary hold-ms values must be >= 0, got " + h);
          }
          return workload.config(base + "-hold" + value, point.concurrency, point.profile,
              strategy, workload.synchronous, h);
        case "rate":
          if (workload.rate != null) {
            throw new IllegalArgumentException("--vary rate sweeps the rate: leave out --rate "
                + workload.rate);
          }
          return workload.settings().toBuilder().rate(Arrivals.parseRate(value)).build()
              .config(base, point.concurrency, point.profile, strategy);
        case "synchronous":
          return workload.config(base + "-" + value, point.concurrency, point.profile,
              strategy, value, workload.holdMs);
        default:
          throw new IllegalArgumentException("--vary knob must be concurrency, hold-ms, "
              + "synchronous or rate; got '" + knob + "'");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--vary " + knob + ": '" + value + "' is not a number");
    }
  }
}
