package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Contention;
import dev.benchbook.report.ReportWriter;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.ResultsWriter;
import dev.benchbook.runtime.Arrivals;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.Strategies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phase as one library call: the baseline matrix (with the contended scenario), the
 * config to mitigate (the contention score's choice, or the one named), every mitigation on
 * it in fresh JVMs, the comparison, the results files and the report. {@code benchbook phase}
 * and {@link Benchbook#phase} both run it; {@link Steps} lets the command line show progress
 * and print between the steps.
 */
public final class Phase {

  private Phase() {
  }

  /** How a phase measures and writes; the default runs quietly and prints nothing. */
  public interface Steps {

    /** Measures a plan into a results file (not yet written). */
    default Measured measure(RunPlan plan, PlanSettings settings, String task, Summary summary)
        throws Exception {
      return Benchbook.run(plan, settings.parameters(), new RunControl(), ProgressListener.NONE,
          summary);
    }

    /**
     * Writes a measured run into {@code spec.dataDir()} and its report into
     * {@code spec.reportsDir()}; {@code last} is true for the phase's last file.
     */
    default Written write(Measured measured, PhaseSpec spec, boolean last) throws Exception {
      ResultsWriter.Written w = new ResultsWriter(spec.dataDir()).writeOrFailKeeping(
          measured.file(), Optional.of(measured.rows()), measured.recording());
      Optional<Path> report = Optional.empty();
      if (spec.reportsDir().isPresent()) {
        ReportWriter writer = new ReportWriter(spec.dataDir(), spec.reportsDir().get());
        report = Optional.of(writer.write(ResultsReader.read(w.json())));
        writer.writeIndex(ResultsReader.load(spec.dataDir()).runs());
      }
      return new Written(w, report);
    }

    /** The matrix of {@code configs} configs is about to run. */
    default void matrixStarting(int configs) {
    }

    /** The matrix was measured. */
    default void matrixMeasured(Measured matrix) {
    }

    /** The target was chosen; the mitigations are about to run. */
    default void mitigationsStarting(List<String> mitigations, ConfigResult target,
        boolean named, PlanSettings settings) {
    }

    /**
     * The open-loop step is about to run at {@code rate}, chosen from {@code baseline}'s
     * closed-loop throughput (see {@link Phase#openLoopRate}).
     */
    default void openLoopStarting(Arrivals rate, ConfigResult baseline, PlanSettings settings) {
    }
  }

  /**
   * What a measuring step wrote.
   *
   * @param files the results file and its raw rows
   * @param report the run's report README, when one was written
   */
  public record Written(ResultsWriter.Written files, Optional<Path> report) {
  }

  /**
   * What a phase did.
   *
   * @param matrix the matrix file written
   * @param target the config mitigated
   * @param mitigation the mitigation file written, with the phase report
   * @param openLoop the open-loop mitigation file, when the phase ran its open-loop step
   */
  public record Result(Written matrix, ConfigResult target, Written mitigation,
      Optional<Written> openLoop) {

    /** A phase without the open-loop step. */
    public Result(Written matrix, ConfigResult target, Written mitigation) {
      this(matrix, target, mitigation, Optional.empty());
    }
  }

  /** The open-loop step's rate: this share of the baseline's closed-loop throughput. */
  public static final double OPEN_LOOP_SHARE = 0.9;

  /** Runs a phase quietly (see {@link Steps}'s defaults). */
  public static Result run(PhaseSpec spec) throws Exception {
    return run(spec, new Steps() { });
  }

  /** Runs a phase, measuring and writing through {@code steps}. */
  public static Result run(PhaseSpec spec, Steps steps) throws Exception {
    PlanSettings matrixSettings = spec.settings().toBuilder().forks(1)
        .extra(spec.parameters()).build();
    List<BenchConfig> matrix = spec.matrixConfigs();
    checkTarget(spec, matrix);
    steps.matrixStarting(matrix.size());
    RunPlan matrixPlan = matrixSettings.plan(matrix);
    checkRoom(spec, matrixPlan);
    Measured run = steps.measure(matrixPlan, matrixSettings, "matrix", Summary.matrix());
    steps.matrixMeasured(run);
    Written matrixFile = steps.write(run, spec, false);

    ConfigResult target = target(run.file().configs(), spec.target());
    PlanSettings mitigation = mitigationSettings(spec, matrixSettings, target);
    steps.mitigationsStarting(spec.mitigations(), target, spec.target().isPresent(), mitigation);
    RunPlan mitigationPlan = mitigation.plan(mitigationConfigs(target, spec.mitigations(),
        mitigation));
    checkRoom(spec, mitigationPlan);
    Measured mit = steps.measure(mitigationPlan, mitigation, "mitigate",
        Summary.mitigation(CompareOptions.defaults().withSeed(mitigation.seed())));
    Written mitFile = steps.write(mit, spec, !spec.openLoop());
    if (!spec.openLoop()) {
      return new Result(matrixFile, target, mitFile);
    }
    ConfigResult baseline = mit.file().baseline().orElseThrow();
    Arrivals rate = openLoopRate(baseline);
    PlanSettings open = mitigation.toBuilder().rate(rate.ratePerS()).arrivals(rate.kind())
        .extra("open_loop_basis_tx_per_s", baseline.transitionsPerS()).build();
    steps.openLoopStarting(rate, baseline, open);
    Measured openRun = steps.measure(open.plan(mitigationConfigs(target, spec.mitigations(),
        open)), open, "open loop",
        Summary.mitigation(CompareOptions.defaults().withSeed(open.seed())));
    return new Result(matrixFile, target, mitFile,
        Optional.of(steps.write(openRun, spec, true)));
  }

  /**
   * The open-loop step's arrivals: Poisson (users arrive independently), at
   * {@link #OPEN_LOOP_SHARE} of the baseline's closed-loop throughput on the target, rounded
   * to two significant digits. There the baseline is near saturation, so every stall of the
   * write lock builds a queue that its users wait in, while a mitigation with more capacity
   * still keeps up: the difference between strategies is widest. Much lower, every strategy
   * keeps up and the queue is empty; above the baseline's capacity its queue grows without
   * bound and the figures describe the length of the run instead.
   */
  public static Arrivals openLoopRate(ConfigResult baseline) {
    double raw = OPEN_LOOP_SHARE * baseline.transitionsPerS();
    double scale = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
    return new Arrivals(Math.max(1, Math.round(raw / scale) * scale), Arrivals.Kind.POISSON);
  }

  /**
   * Fails with one line before measuring when the data folder cannot be written or has too
   * little free space for the plan's rows (a full disk found after measuring costs the run).
   */
  static void checkRoom(PhaseSpec spec, RunPlan plan) throws java.io.IOException {
    new ResultsWriter(spec.dataDir()).checkWritable();
    long rows = plan.expectedTransitions();
    ResultsWriter.checkSpace(spec.dataDir(), ResultsWriter.expectedBytes(rows,
        plan.configs().size()), rows, "data folder");
  }

  /**
   * The config a phase mitigates: the one named, else the rule's choice
   * ({@link Contention#mitigationTarget}: scores within its margin are not told apart, then the
   * highest P95 lock_wait decides, so the choice holds run to run).
   */
  public static ConfigResult target(List<ConfigResult> matrix, Optional<String> named) {
    return named.flatMap(t -> matrix.stream().filter(c -> c.id().equals(t)).findFirst())
        .orElseGet(() -> Contention.mitigationTarget(matrix));
  }

  /** Fails before measuring when the target names no config of the matrix. */
  private static void checkTarget(PhaseSpec spec, List<BenchConfig> matrix) {
    spec.target().filter(t -> matrix.stream().noneMatch(c -> c.id().equals(t)))
        .ifPresent(t -> {
          throw new IllegalArgumentException("--target: no config '" + t + "' in this phase; "
              + "configs: " + String.join(", ", matrix.stream().map(BenchConfig::id).toList()));
        });
  }

  /** The mitigations' settings: the target's own workload, the mitigation forks and reps. */
  private static PlanSettings mitigationSettings(PhaseSpec spec, PlanSettings matrix,
      ConfigResult target) {
    PlanSettings.Builder b = matrix.toBuilder().forks(spec.mitigationForks())
        .reps(spec.mitigationReps()).extra("mitigation_target", target.id());
    target.workload().ifPresent(w -> b.files(w.files()).holdMs(w.holdMs())
        .synchronous(w.synchronous()));
    return b.build();
  }

  /** The target's baseline and one config per mitigation, with the target's own workload. */
  private static List<BenchConfig> mitigationConfigs(ConfigResult target,
      List<String> mitigations, PlanSettings settings) {
    String baseline = Strategies.BASELINE.name();
    String base = BenchConfig.standardId(target.concurrency(), target.profile(), baseline);
    String targetId = settings.arrivals().map(a -> target.id().endsWith(a.idSuffix())
        ? target.id().substring(0, target.id().length() - a.idSuffix().length()) : target.id())
        .orElse(target.id());
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(settings.config(targetId, target.concurrency(), target.profile(), baseline));
    for (String m : mitigations) {
      String id = targetId + BenchConfig.standardId(target.concurrency(), target.profile(), m)
          .substring(base.length());
      configs.add(settings.config(id, target.concurrency(), target.profile(), m));
    }
    return configs;
  }
}
