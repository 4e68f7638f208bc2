package dev.benchbook.analysis;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fairness figures from raw rows: transitions committed per worker, Jain's index and starved
 * workers, per repetition and per config (see {@link WorkerFairness} for the definitions).
 */
public final class Fairness {

  /** A worker below this fraction of its fair share of the committed transitions is starved. */
  public static final double STARVED_BELOW_SHARE = 0.10;

  private static final byte COMMITTED = (byte) Outcome.COMMITTED.ordinal();

  private Fairness() {
  }

  /** Figures of one set of per-worker committed counts (one repetition). */
  public static WorkerFairness of(long[] perWorker) {
    if (perWorker.length == 0) {
      throw new IllegalArgumentException("fairness needs at least one worker");
    }
    long[] sorted = perWorker.clone();
    Arrays.sort(sorted);
    return new WorkerFairness(sorted.length, sorted[0], median(sorted),
        sorted[sorted.length - 1], jain(sorted), starved(sorted));
  }

  /**
   * Jain's fairness index (sum x)^2 / (n * sum x^2): 1 when all equal, 1/n when one worker did
   * everything; 1 when nobody committed anything (nobody was favoured).
   */
  public static double jain(long[] perWorker) {
    double sum = 0;
    double sumSq = 0;
    for (long x : perWorker) {
      sum += x;
      sumSq += (double) x * x;
    }
    return sumSq == 0 ? 1.0 : Math.min(1.0, sum * sum / (perWorker.length * sumSq));
  }

  /** Workers below {@link #STARVED_BELOW_SHARE} of the fair share. */
  public static int starved(long[] perWorker) {
    double total = Arrays.stream(perWorker).sum();
    double limit = STARVED_BELOW_SHARE * total / perWorker.length;
    return (int) Arrays.stream(perWorker).filter(x -> x < limit).count();
  }

  /** True when a worker's committed transitions are below its starved share of {@code fair}. */
  public static boolean isStarved(long committed, double fair) {
    return committed < STARVED_BELOW_SHARE * fair;
  }

  /**
   * Committed transitions per worker of one config and repetition, indexed by worker (0 to
   * {@code workers - 1}); workers that committed nothing count 0.
   */
  public static long[] perWorker(RawRows rows, int configCode, int rep, int workers) {
    long[] counts = new long[workers];
    int[] config = rows.config();
    int[] reps = rows.rep();
    int[] worker = rows.worker();
    byte[] outcome = rows.outcome();
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == configCode && reps[i] == rep && outcome[i] == COMMITTED) {
        int w = worker[i];
        if (w < 0 || w >= workers) {
          throw new IllegalArgumentException("row " + i + ": worker " + w + " outside 0.."
              + (workers - 1) + " for a config with " + workers + " workers");
        }
        counts[w]++;
      }
    }
    return counts;
  }

  /**
   * The config's figures over its repetitions: per-worker counts pooled over every worker of
   * every repetition; Jain's index and starved workers of the worst repetition.
   */
  public static WorkerFairness pooled(List<long[]> perRep) {
    if (perRep.isEmpty()) {
      throw new IllegalArgumentException("fairness needs at least one repetition");
    }
    long[] all = perRep.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double worstJain = 1.0;
    int mostStarved = 0;
    for (long[] rep : perRep) {
      worstJain = Math.min(worstJain, jain(rep));
      mostStarved = Math.max(mostStarved, starved(rep));
    }
    return new WorkerFairness(perRep.get(0).length, all[0], median(all), all[all.length - 1],
        worstJain, mostStarved);
  }

  /** The config with fairness figures from its rows; unchanged when it has no repetitions. */
  public static ConfigResult fill(ConfigResult c, RawRows rows) {
    int code = rows.configIds().indexOf(c.id());
    if (code < 0 || c.repetitions().isEmpty()) {
      return c;
    }
    List<long[]> counts = new ArrayList<>();
    List<WorkerFairness> perRep = new ArrayList<>();
    for (RepResult r : c.repetitions()) {
      long[] one = perWorker(rows, code, r.rep(), c.concurrency());
      counts.add(one);
      perRep.add(of(one));
    }
    return c.withFairness(pooled(counts), perRep);
  }

  /** The file with fairness figures filled from rows for every config that lacks them. */
  public static RunFile fill(RunFile f, RawRows rows) {
    return f.mapConfigs(c -> c.fairness().isPresent() ? c : fill(c, rows));
  }

  /** The run with fairness figures filled from its raw rows, when they are loaded. */
  public static LoadedRun fill(LoadedRun run) {
    return run.rows().map(r -> new LoadedRun(run.path(), fill(run.run(), r), run.rows()))
        .orElse(run);
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
