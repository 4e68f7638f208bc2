package dev.benchbook.runtime;

import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.IntegrityReport;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.Workload;
import dev.benchbook.workload.WorkloadFile;
import dev.benchbook.workload.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files between a parent run and its forks, with the JDK only: the plan a child runs (a
 * properties file), and the passes and raw rows it measured (binary, in the child's folder).
 */
final class ForkLink {

  /** Raw rows a child writes into its folder. */
  static final String ROWS = "rows.bin";
  /** Passes a child writes into its folder. */
  static final String PASSES = "passes.bin";

  private ForkLink() {
  }

  /** Writes what every fork runs: the configs, repetitions, seed, warmup and temp folder. */
  static void writePlan(RunPlan plan, Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("reps", Integer.toString(plan.reps()));
    p.setProperty("seed", Long.toString(plan.seed()));
    p.setProperty("warmup", Boolean.toString(plan.warmup()));
    p.setProperty("warmup_bound_ns", Long.toString(plan.warmupBound().toNanos()));
    p.setProperty("temp_dir", plan.tempDir().toString());
    p.setProperty("configs", Integer.toString(plan.configs().size()));
    for (int i = 0; i < plan.configs().size(); i++) {
      writeConfig(p, "config." + i + ".", plan.configs().get(i));
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "benchbook fork plan");
    }
  }

  private static void writeConfig(Properties p, String k, BenchConfig c) {
    p.setProperty(k + "id", c.id());
    p.setProperty(k + "concurrency", Integer.toString(c.concurrency()));
    p.setProperty(k + "profile", c.profile().name());
    p.setProperty(k + "profile_median_ms", Double.toString(c.profile().medianMs()));
    p.setProperty(k + "profile_sigma", Double.toString(c.profile().sigma()));
    p.setProperty(k + "strategy", c.strategy().text());
    p.setProperty(k + "strategy_seed", Long.toString(c.strategy().seed()));
    p.setProperty(k + "files", Integer.toString(c.files()));
    p.setProperty(k + "synchronous", c.sqlite().synchronous());
    p.setProperty(k + "busy_timeout_ms", Long.toString(c.sqlite().busyTimeoutMs()));
    p.setProperty(k + "hold_ns", Long.toString(c.holdNs()));
    p.setProperty(k + "failure_probability", Double.toString(c.failureProbability()));
    p.setProperty(k + "duration_bound_ns", Long.toString(c.durationBound().toNanos()));
    p.setProperty(k + "workload", c.workload().name());
    p.setProperty(k + "workload_class", c.workload().getClass().getName());
    c.arrivals().ifPresent(a -> {
      p.setProperty(k + "rate_per_s", Double.toString(a.ratePerS()));
      p.setProperty(k + "arrivals", a.kind().label());
    });
    if (c.workload() instanceof FsmWorkload && c.workload() != FsmWorkload.STANDARD) {
      p.setProperty(k + "workload_source", c.workload().file().source());
      p.setProperty(k + "workload_file", c.workload().file().text());
    }
  }

  /**
   * The plan of fork {@code fork}: no ceiling probe (the parent probed), its own seed, and the
   * configs in reverse order in odd forks, so that with one repetition per fork no config
   * always runs first.
   */
  static RunPlan readPlan(Path file, int fork) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    List<BenchConfig> configs = new ArrayList<>();
    int n = Integer.parseInt(p.getProperty("configs"));
    for (int i = 0; i < n; i++) {
      configs.add(readConfig(p, "config." + i + "."));
    }
    return forkPlan(configs, Integer.parseInt(p.getProperty("reps")),
        Long.parseLong(p.getProperty("seed")), Boolean.parseBoolean(p.getProperty("warmup")),
        Duration.ofNanos(Long.parseLong(p.getProperty("warmup_bound_ns"))),
        Path.of(p.getProperty("temp_dir")), fork);
  }

  /** Fork {@code fork}'s plan of the parent's configs (see {@link #readPlan}). */
  static RunPlan forkPlan(List<BenchConfig> configs, int reps, long seed, boolean warmup,
      Duration warmupBound, Path tempDir, int fork) {
    List<BenchConfig> order = new ArrayList<>(configs);
    if (fork % 2 == 1) {
      Collections.reverse(order);
    }
    return new RunPlan(order, reps, seed + fork * Forks.FORK_SEED_STEP, warmup, warmupBound,
        Duration.ZERO, tempDir, List.of(), 1);
  }

  private static BenchConfig readConfig(Properties p, String k) {
    BenchConfig c = closedLoopConfig(p, k);
    String rate = p.getProperty(k + "rate_per_s");
    return rate == null ? c : c.withArrivals(new Arrivals(Double.parseDouble(rate),
        Arrivals.Kind.parse(p.getProperty(k + "arrivals"))));
  }

  private static BenchConfig closedLoopConfig(Properties p, String k) {
    return new BenchConfig(p.getProperty(k + "id"),
        Integer.parseInt(p.getProperty(k + "concurrency")),
        new LatencyProfile(p.getProperty(k + "profile"),
            Double.parseDouble(p.getProperty(k + "profile_median_ms")),
            Double.parseDouble(p.getProperty(k + "profile_sigma"))),
        StrategySpec.parse(p.getProperty(k + "strategy"), Map.of(),
            Long.parseLong(p.getProperty(k + "strategy_seed"))),
        Integer.parseInt(p.getProperty(k + "files")),
        new SqliteSettings(p.getProperty(k + "synchronous"),
            Long.parseLong(p.getProperty(k + "busy_timeout_ms"))),
        Long.parseLong(p.getProperty(k + "hold_ns")),
        Double.parseDouble(p.getProperty(k + "failure_probability")),
        Duration.ofNanos(Long.parseLong(p.getProperty(k + "duration_bound_ns"))),
        workload(p, k));
  }

  /** The parent's workload: a file's content as the parent read it, else by name or class. */
  private static Workload workload(Properties p, String k) {
    String text = p.getProperty(k + "workload_file");
    if (text != null) {
      return FsmWorkload.of(WorkloadFile.parse(p.getProperty(k + "workload_source"), text));
    }
    return workload(p.getProperty(k + "workload"), p.getProperty(k + "workload_class"));
  }

  /**
   * A built-in workload by name, else a user's by its class (a public no-argument
   * constructor), so that a fork runs the parent's workload.
   */
  static Workload workload(String name, String className) {
    if (Workloads.BUILT_IN.stream().anyMatch(w -> w.name().equals(name))) {
      return Workloads.named(name);
    }
    try {
      return (Workload) Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("workload " + name + " cannot run in a fork: its class "
          + className + " needs a public no-argument constructor (or run it in one JVM)", e);
    }
  }

  /** Writes a child's passes: config code, repetition, counts and integrity of each. */
  static void writePasses(List<PassResult> passes, Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(file)))) {
      out.writeInt(passes.size());
      for (PassResult p : passes) {
        out.writeInt(p.configCode());
        out.writeInt(p.rep());
        out.writeLong(p.wallNs());
        out.writeLong(p.committed());
        out.writeLong(p.conflicts());
        out.writeLong(p.busyErrors());
        out.writeLong(p.rolledBack());
        out.writeBoolean(p.durationBounded());
        IntegrityReport i = p.integrity();
        for (long v : new long[] {i.files(), i.terminal(), i.failed(), i.untouched(),
            i.auditRows()}) {
          out.writeLong(v);
        }
        writeStrings(out, i.violations());
        out.writeInt(p.errors().size());
        for (Map.Entry<Integer, String> e : p.errors().entrySet()) {
          out.writeInt(e.getKey());
          out.writeUTF(e.getValue());
        }
      }
    }
  }

  /**
   * A child's passes as the parent's: config codes of the parent's plan, repetitions after
   * those of the earlier forks, marked with the fork.
   */
  static List<PassResult> readPasses(Path file, RunPlan parent, RunPlan child, int fork)
      throws IOException {
    List<PassResult> out = new ArrayList<>();
    int offset = fork * parent.reps();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int k = 0; k < n; k++) {
        int childCode = in.readInt();
        int code = parent.configIds().indexOf(child.configIds().get(childCode));
        int rep = in.readInt() + offset;
        long wallNs = in.readLong();
        long committed = in.readLong();
        long conflicts = in.readLong();
        long busy = in.readLong();
        long rolledBack = in.readLong();
        boolean bounded = in.readBoolean();
        IntegrityReport integrity = new IntegrityReport(in.readLong(), in.readLong(),
            in.readLong(), in.readLong(), in.readLong(), readStrings(in));
        Map<Integer, String> errors = new java.util.TreeMap<>();
        for (int e = in.readInt(); e > 0; e--) {
          errors.put(in.readInt(), in.readUTF());
        }
        out.add(new PassResult(parent.configs().get(code), code, rep, wallNs, committed,
            conflicts, busy, rolledBack, bounded, integrity, fork, errors));
      }
    }
    return out;
  }

  /** Writes a list of strings: its size, then each in modified UTF-8. */
  static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  /** Reads a list written by {@link #writeStrings}. */
  static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }
}
