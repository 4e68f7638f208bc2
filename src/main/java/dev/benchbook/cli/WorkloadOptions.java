package dev.benchbook.cli;

import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Workload and run flags shared by run, mitigate, sweep, phase and calibrate. */
public final class WorkloadOptions {

  @Option(names = "--workload", paramLabel = "FILE", description = "A workload file "
      + "(docs/WORKLOADS.md), or a results file whose manifest copied one: its flow, schema, "
      + "seed rows and SQL run instead of the built-in upload-index flow; checked before "
      + "anything runs (exit 3, one line per problem).")
  Path workloadFile;

  /** The workload read from --workload (the built-in one without it), once validated. */
  private Workload workload;

  @Option(names = "--files", paramLabel = "N", description = "Files moved through the flow (default: ${DEFAULT-VALUE}).")
  int files = 818;

  @Option(names = "--reps", paramLabel = "N", description = "Measured repetitions per config, each on a fresh database (default: ${DEFAULT-VALUE}).")
  int reps = 1;

  @Option(names = "--forks", paramLabel = "N", description = "Fresh JVMs the repetitions run "
      + "in, one after another, each with its own warmup (as JMH's forks); --reps is per fork "
      + "(default: 1; 4 for mitigate and phase's mitigations unless --reps is given).")
  Integer forks;

  @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
      description = "Configs with API latency stop taking new files after this long (default: 20s).")
  Duration duration = Duration.ofSeconds(20);

  @Option(names = "--seed", paramLabel = "N", description = "RNG seed for latencies and failures (default: ${DEFAULT-VALUE}).")
  long seed = 20260222L;

  @Option(names = "--synchronous", paramLabel = "MODE", description = "PRAGMA synchronous: NORMAL or FULL (default: ${DEFAULT-VALUE}).")
  String synchronous = "NORMAL";

  @Option(names = "--hold-ms", paramLabel = "MS", description = "Work held inside each write transaction, ms (default: ${DEFAULT-VALUE}).")
  double holdMs = 0;

  @Option(names = "--busy-timeout-ms", paramLabel = "MS", description = "SQLite busy timeout per connection, ms (default: ${DEFAULT-VALUE}).")
  long busyTimeoutMs = 5000;

  @Option(names = "--failure-probability", paramLabel = "P", description = "Probability that an API call fails and its edge is retried (default: ${DEFAULT-VALUE}).")
  double failureProbability = 0;

  @Option(names = "--fair", description = "shared-connection: a fair (FIFO) lock.")
  boolean fair = (Boolean) StrategySpec.defaultOf("fair");

  @Option(names = "--batch-max", paramLabel = "N", description = "writer-queue: most transitions per transaction (default: ${DEFAULT-VALUE}).")
  int batchMax = (Integer) StrategySpec.defaultOf("batch-max");

  @Option(names = "--batch-wait-us", paramLabel = "US", description = "writer-queue: how long the writer waits for a batch to fill, us (default: ${DEFAULT-VALUE}).")
  long batchWaitUs = (Long) StrategySpec.defaultOf("batch-wait-us");

  @Option(names = "--backoff-min-us", paramLabel = "US", description = "backoff: first sleep, us (default: ${DEFAULT-VALUE}).")
  long backoffMinUs = (Long) StrategySpec.defaultOf("backoff-min-us");

  @Option(names = "--backoff-max-us", paramLabel = "US", description = "backoff: largest sleep, us (default: ${DEFAULT-VALUE}).")
  long backoffMaxUs = (Long) StrategySpec.defaultOf("backoff-max-us");

  @Option(names = "--rate", paramLabel = "N/s", description = "Open loop: start transitions "
      + "on a schedule at N per second, served by the workers, queued when all are busy; "
      + "latency counts from each intended start (default: closed loop, each worker starts "
      + "its next transition when its last one ends).")
  String rate;

  @Option(names = "--arrivals", paramLabel = "KIND", description = "With --rate: constant "
      + "(every 1/N s) or poisson (exponential gaps, seeded by --seed) (default: constant).")
  String arrivals;

  @Option(names = "--no-warmup", description = "Skip the unrecorded warmup rounds (a pass of every config each, until the JIT is quiet, at most 5).")
  boolean noWarmup;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where results files are written (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the run's report goes "
      + "(default: reports, when --data-dir is the default data; else no report unless given).")
  Path out;

  @Option(names = "--no-report", description = "Write no report (results files only).")
  boolean noReport;

  @Option(names = "--jfr", description = "Record the run with Java Flight Recorder: "
      + "results-<ts>.jfr beside the results, and a 'where the time went' table per config "
      + "in the report (costs some throughput: docs/PERFORMANCE.md). Records this JVM only: "
      + "mitigate and phase then default to --forks 1.")
  boolean jfr;

  /**
   * The reports folder the run's report goes to: --out when given, else {@code reports} when
   * the results go to the workspace's {@code data} folder (so data/ and reports/ stay in step),
   * else none.
   */
  java.util.Optional<Path> reportsDir() {
    if (noReport) {
      return java.util.Optional.empty();
    }
    if (out != null) {
      return java.util.Optional.of(out);
    }
    return dataDir.normalize().equals(Path.of("data")) ? java.util.Optional.of(Path.of("reports"))
        : java.util.Optional.empty();
  }

  /**
   * Reads and checks the workload file (BadInputException: one line per problem), then checks
   * ranges (IllegalArgumentException naming the flag).
   */
  void validate() throws BadInputException {
    workload = workload(workloadFile);
    settings();
  }

  /** The workload of a --workload file, checked; the built-in one for null. */
  static Workload workload(Path file) throws BadInputException {
    if (file == null) {
      return FsmWorkload.STANDARD;
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such workload file");
    }
    try {
      return FsmWorkload.read(file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the workload file: " + e.getMessage());
    }
  }

  /** The run's settings from these flags (the one plan builder, shared with the facade). */
  PlanSettings settings() {
    PlanSettings.Builder b = PlanSettings.builder().files(files).reps(reps).forks(forks())
        .durationBound(duration).seed(seed).synchronous(synchronous).holdMs(holdMs)
        .busyTimeoutMs(busyTimeoutMs).failureProbability(failureProbability).warmup(!noWarmup)
        .jfr(jfr).workload(workload == null ? FsmWorkload.STANDARD : workload);
    strategyFlags().forEach(b::strategyFlag);
    if (rate != null) {
      b.rate(dev.benchbook.runtime.Arrivals.parseRate(rate));
    }
    if (arrivals != null) {
      b.arrivals(dev.benchbook.runtime.Arrivals.Kind.parse(arrivals));
    }
    return b.build();
  }

  /**
   * The strategy options given as flags, by option key (a flag is its key with {@code --});
   * each applies to the strategies that have it.
   */
  Map<String, String> strategyFlags() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fair", String.valueOf(fair));
    m.put("batch-max", String.valueOf(batchMax));
    m.put("batch-wait-us", String.valueOf(batchWaitUs));
    m.put("backoff-min-us", String.valueOf(backoffMinUs));
    m.put("backoff-max-us", String.valueOf(backoffMaxUs));
    return m;
  }

  /** One config with this workload but its own synchronous, hold and number of files. */
  BenchConfig config(String id, int concurrency, String profile, String strategy,
      String sync, double hold, int fileCount) {
    return settings().toBuilder().synchronous(sync).holdMs(hold).files(fileCount).build()
        .config(id, concurrency, profile, strategy);
  }

  /** One config with this workload but its own synchronous and hold settings. */
  BenchConfig config(String id, int concurrency, String profile, String strategy,
      String sync, double hold) {
    return config(id, concurrency, profile, strategy, sync, hold, files);
  }

  /** The standard config with this workload. */
  BenchConfig config(int concurrency, String profile, String strategy) {
    return settings().config(concurrency, profile, strategy);
  }

  /** A plan over the given configs with these options (one fork unless --forks was given). */
  RunPlan plan(List<BenchConfig> configs) {
    return settings().plan(configs);
  }

  /** The fork count: --forks when given, else 1. */
  int forks() {
    return forks == null ? 1 : forks;
  }

  /**
   * Defaults of the comparing commands (mitigate, phase's mitigations): {@code forks} fresh
   * JVMs of one repetition each unless --forks or --reps were given; with --forks 1 and no
   * --reps, {@code repsUnforked} repetitions in this JVM. With --jfr the default is one fork
   * (the recording sees only this JVM).
   */
  void compareDefaults(boolean repsGiven, int defaultForks, int repsUnforked) {
    if (forks == null) {
      forks = repsGiven || jfr ? 1 : defaultForks;
    }
    if (!repsGiven) {
      reps = forks > 1 ? 1 : repsUnforked;
    }
  }

  /** Every parameter, for the manifest. */
  Map<String, Object> parameters() {
    return settings().parameters();
  }

  /** Builds the cross product of concurrency and profile lists for one strategy. */
  List<BenchConfig> matrix(List<Integer> concurrency, List<String> profiles, String strategy) {
    return settings().matrix(concurrency, profiles, strategy);
  }
}
