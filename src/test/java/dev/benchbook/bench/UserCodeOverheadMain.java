package dev.benchbook.bench;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.MatrixRunner;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.DbStep;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.Transaction;
import dev.benchbook.workload.Transitions;
import dev.benchbook.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The user-code path against today's built-in path, side by side in one JVM: the same flow,
 * tables and SQL at c1-zero, once as the built-in workload (the strategy runs the workload
 * file's SQL) and once as a Java workload whose {@link DbStep} runs the same statements through
 * {@link Transaction#prepare}. Pairs alternate their order (AB, BA, ...) after one unrecorded
 * warm-up pair; prints per pair the median fsm_net per committed transition and throughput of
 * each, and the medians of the ratios (docs/PERFORMANCE.md).
 */
public final class UserCodeOverheadMain {

  private UserCodeOverheadMain() {
  }

  /** Args: [pairs (default 9)] [files per pass (default 2000)]. */
  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path tmp = Files.createTempDirectory("benchbook-overhead");
    List<double[]> ratios = new ArrayList<>();
    for (int p = -1; p < pairs; p++) {
      boolean builtInFirst = (p & 1) == 0;
      double[] a = builtInFirst ? pass(FsmWorkload.STANDARD, files, tmp) : null;
      double[] b = pass(new JavaTwin(), files, tmp);
      if (!builtInFirst) {
        a = pass(FsmWorkload.STANDARD, files, tmp);
      }
      if (p < 0) {
        continue;
      }
      ratios.add(new double[] {b[0] / a[0], b[1] / a[1]});
      System.out.printf(Locale.ROOT, "pair %d (%s first): built-in %.1f us fsm_net, %.0f tx/s; "
          + "java %.1f us, %.0f tx/s%n", p, builtInFirst ? "built-in" : "java", a[0] / 1e3, a[1],
          b[0] / 1e3, b[1]);
    }
    System.out.printf(Locale.ROOT, "median ratio java/built-in: fsm_net %.4f (quartiles %.4f-%.4f), "
        + "throughput %.4f (quartiles %.4f-%.4f) (%d pairs, %d files per pass)%n",
        quantile(ratios, 0, 0.5), quantile(ratios, 0, 0.25), quantile(ratios, 0, 0.75),
        quantile(ratios, 1, 0.5), quantile(ratios, 1, 0.25), quantile(ratios, 1, 0.75), pairs,
        files);
  }

  /** One c1-zero pass: median fsm_net of committed rows (ns) and committed per second. */
  private static double[] pass(Workload w, int files, Path tmp) throws Exception {
    BenchConfig c = new BenchConfig("c1-zero", 1, LatencyProfile.named("zero"),
        StrategySpec.named("per-worker"), files, SqliteSettings.defaults(), 0, 0.0,
        Duration.ofSeconds(60), w);
    RunPlan plan = new RunPlan(List.of(c), 1, 1, false, Duration.ofMillis(100), Duration.ZERO,
        tmp, List.of());
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
    RawRows rows = out.rows();
    long[] net = new long[rows.size()];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.outcome()[i] == Outcome.COMMITTED.code()) {
        net[n++] = rows.longs(Column.FSM_NET_NS)[i];
      }
    }
    long[] sorted = Arrays.copyOf(net, n);
    Arrays.sort(sorted);
    return new double[] {sorted[n / 2], out.passes().get(0).transitionsPerS()};
  }

  /** Linear interpolation between closest ranks (the project's one percentile method). */
  private static double quantile(List<double[]> ratios, int k, double q) {
    double[] v = ratios.stream().mapToDouble(r -> r[k]).sorted().toArray();
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** The built-in workload with its write as Java code: the workload file's two statements. */
  public static final class JavaTwin implements Workload {

    @Override
    public String name() {
      return "upload-index-java";
    }

    @Override
    public Flow flow() {
      return FsmWorkload.STANDARD.flow();
    }

    @Override
    public Transitions transitions(LatencyProfile profile, double failureProbability) {
      Transitions fsm = FsmWorkload.STANDARD.transitions(profile, failureProbability);
      String[] names = flow().states().toArray(new String[0]);
      return new Transitions() {
        @Override
        public void dispatch(Step step, SplittableRandom rng) {
          fsm.dispatch(step, rng);
        }

        @Override
        public void call(Step step, SplittableRandom rng) {
          fsm.call(step, rng);
        }

        @Override
        public Optional<DbStep> dbStep() {
          return Optional.of((step, tx) -> JavaTwin.write(step, tx, names));
        }
      };
    }

    private static boolean write(Transitions.Step step, Transaction tx, String[] names)
        throws Exception {
      PreparedStatement update = tx.prepare("UPDATE files SET state = ?, version = version + 1, "
          + "failures = ? WHERE id = ? AND state = ? AND version = ?");
      update.setString(1, names[step.to]);
      update.setInt(2, step.nextFailures);
      update.setInt(3, step.file);
      update.setString(4, names[step.from]);
      update.setInt(5, step.version);
      if (update.executeUpdate() != 1) {
        return false;
      }
      PreparedStatement audit = tx.prepare("INSERT INTO transitions (file_id, from_state, "
          + "to_state, version, worker) VALUES (?, ?, ?, ?, ?)");
      audit.setInt(1, step.file);
      audit.setString(2, names[step.from]);
      audit.setString(3, names[step.to]);
      audit.setInt(4, step.version + 1);
      audit.setInt(5, tx.worker());
      audit.executeUpdate();
      return true;
    }
  }
}
