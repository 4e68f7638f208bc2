package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Manifest;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.results.WorkloadSource;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.MachineInfo;
import dev.benchbook.runtime.PassResult;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.GroupCommitCeiling;
import dev.benchbook.workload.Workload;
import dev.benchbook.workload.WorkloadFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what a run measured (runtime) into the records of a results file. */
public final class RunSummarizer {

  /** The sweep parameter of open-loop rate sweeps, whose knees are {@link RateSweeps}'. */
  public static final String RATE = "rate";

  private RunSummarizer() {
  }

  /** One ConfigResult per config of the run, in plan order. */
  public static List<ConfigResult> configs(RunOutcome outcome) {
    List<ConfigResult> out = new ArrayList<>();
    List<BenchConfig> configs = outcome.plan().configs();
    for (int code = 0; code < configs.size(); code++) {
      out.add(config(outcome, configs.get(code), code));
    }
    return out;
  }

  private static ConfigResult config(RunOutcome outcome, BenchConfig c, int code) {
    List<PassResult> passes = outcome.passesOf(c.id());
    List<RepResult> reps = new ArrayList<>();
    long transitions = 0;
    long wallNs = 0;
    long conflicts = 0;
    long busy = 0;
    boolean bounded = false;
    for (PassResult p : passes) {
      reps.add(rep(outcome, p, code));
      transitions += p.committed();
      wallNs += p.wallNs();
      conflicts += p.conflicts();
      busy += p.busyErrors();
      bounded |= p.durationBounded();
    }
    double wallS = wallNs / 1e9;
    double perS = transitions / wallS;
    Map<String, SegmentStats> segments = SegmentStatsCalculator.compute(outcome.rows(), code);
    double ceiling = outcome.ceilingFor(c.id());
    Optional<GroupCommitCeiling> group = outcome.groupCommitFor(c.id());
    double fitting = group.map(GroupCommitCeiling::transitionsPerS).orElse(ceiling);
    ConfigResult result = Fairness.fill(new ConfigResult(c.id(), c.concurrency(),
        c.profile().name(), c.strategy().name(), c.strategy().recorded(), c.strategy().atomic(),
        passes.size(), transitions, wallS, perS, 100.0 * perS / fitting, conflicts, busy,
        bounded, Optional.of(workload(c)), segments, reps, Optional.of(ceiling),
        Optional.empty(), group), outcome.rows());
    return c.arrivals().map(a -> result.withOpenLoop(new OpenLoop(a.ratePerS(),
        OpenLoopRates.achievedPerS(outcome.rows(), code), a.kind().label(),
        OpenLoopRates.scheduledPerS(outcome.rows(), code)))).orElse(result);
  }

  private static RepResult rep(RunOutcome outcome, PassResult p, int code) {
    RepResult r = new RepResult(p.rep(), p.committed(), p.wallNs() / 1e9, p.transitionsPerS(),
        p.conflicts(), p.busyErrors(), p.rolledBack(), p.integrity().terminal()
        + p.integrity().failed(), p.durationBounded(),
        SegmentStatsCalculator.compute(outcome.rows(), code, p.rep()));
    return outcome.plan().forks() > 1 ? r.withFork(p.fork()) : r;
  }

  /** The workload parameters of a config, as compared between configs. */
  public static WorkloadSpec workload(BenchConfig c) {
    return new WorkloadSpec(c.files(), c.flow().name(), c.sqlite().synchronous(),
        c.holdNs() / 1e6, c.sqlite().busyTimeoutMs(), c.failureProbability(),
        c.profile().describe());
  }

  /** The manifest of a run: machine facts, PRAGMAs, every parameter, seed and times. */
  public static Manifest manifest(RunOutcome outcome, MachineInfo m,
      Map<String, Object> parameters) {
    BenchConfig first = outcome.plan().configs().get(0);
    return new Manifest(m.toolVersion(), m.gitCommit(), m.gitDirty(), Optional.of(m.jvm()),
        m.jvmArgs(), Optional.of(m.os()), m.cpuModel(), Optional.of(m.cores()),
        Optional.of(m.sqliteVersion()), first.sqlite().pragmas(), parameters,
        Optional.of(outcome.plan().seed()), Optional.of(outcome.start().toString()),
        Optional.of(outcome.end().toString()), Optional.empty(),
        Optional.of(m.clockReadNs()), Optional.of(source(first.workload())),
        Optional.of(errorNames(outcome)));
  }

  /** The run's error dictionary with codes as text, as the manifest records it. */
  private static Map<String, String> errorNames(RunOutcome outcome) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    outcome.errors().forEach((code, name) -> out.put(Integer.toString(code), name));
    return out;
  }

  /** The manifest's record of a workload: a file's name, text and hash, or a Java class. */
  public static WorkloadSource source(Workload w) {
    if (w instanceof FsmWorkload) {
      WorkloadFile f = w.file();
      return WorkloadSource.ofFile(f.name(), f.sha256(), f.source(), f.text());
    }
    return WorkloadSource.ofClass(w.name(), w.getClass().getName());
  }

  /** A matrix (or sweep) results file for the whole run. */
  public static RunFile matrix(RunOutcome outcome, MachineInfo m, Map<String, Object> parameters,
      String kind) {
    return new RunFile(RunFile.SCHEMA_VERSION, kind, false, manifest(outcome, m, parameters),
        Optional.of(outcome.ceilingTxPerS()), configs(outcome), Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), true);
  }

  /**
   * A mitigation results file: the baseline config, the mitigation config(s) and one
   * comparison per mitigation (intervals from the raw rows and repetitions).
   */
  public static RunFile mitigation(RunOutcome outcome, MachineInfo m,
      Map<String, Object> parameters, CompareOptions options) {
    List<ConfigResult> configs = configs(outcome);
    ConfigResult baseline = configs.get(0);
    List<ConfigResult> mitigations = configs.subList(1, configs.size());
    List<Comparison> comparisons = new ArrayList<>();
    Manifest manifest = manifest(outcome, m, parameters);
    for (ConfigResult mit : mitigations) {
      CompareOptions withRows = options.withRows(ConfigRows.of(outcome.rows(), baseline.id()),
          ConfigRows.of(outcome.rows(), mit.id())).withManifests(manifest, manifest);
      comparisons.add(Comparisons.compare(baseline, mit, withRows));
    }
    boolean single = mitigations.size() == 1;
    return new RunFile(RunFile.SCHEMA_VERSION, "mitigation", false,
        manifest, Optional.of(outcome.ceilingTxPerS()), List.of(),
        Optional.of(baseline), single ? Optional.of(mitigations.get(0)) : Optional.empty(),
        single ? List.of() : mitigations,
        single ? Optional.of(comparisons.get(0)) : Optional.empty(),
        single ? List.of() : comparisons, Optional.empty(), Optional.empty(), true);
  }

  /** A sweep results file: every point's config plus the varied parameter and the knees. */
  public static RunFile sweep(RunOutcome outcome, MachineInfo m, Map<String, Object> parameters,
      String parameter, List<String> values, List<SweepPoint> points) {
    List<ConfigResult> configs = configs(outcome);
    SweepSpec spec = new SweepSpec(parameter, values, RATE.equals(parameter)
        ? RateSweeps.knees(RateSweeps.points(configs, values)) : Sweeps.knees(points));
    return new RunFile(RunFile.SCHEMA_VERSION, "sweep", false, manifest(outcome, m, parameters),
        Optional.of(outcome.ceilingTxPerS()), configs, Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.of(spec),
        Optional.empty(), true);
  }
}
