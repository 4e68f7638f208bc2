package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Segment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The contention judgements every table, chart and sentence uses: the lock share, whether the
 * write lock is the bottleneck, the contention score a phase picks its target by, when a low
 * P95 hides starvation or a tail, and which comparison a report leads with.
 */
public final class Contention {

  /** Lock share at or above which the write lock is called the bottleneck. */
  public static final double BOTTLENECK_SHARE = 0.5;
  /** A P99.9 lock_wait at least this many times the P95 is a tail the P95 hides. */
  public static final double HIDDEN_TAIL_RATIO = 10;
  /** ... and at least this long, in ms (below it a tail is only timer noise). */
  public static final double HIDDEN_TAIL_MIN_MS = 1.0;

  private Contention() {
  }

  /**
   * The lock share: mean lock_wait / mean db_total, i.e. total time waiting for the write lock
   * over total time in DB work (both measured on the same rows, so a true share). Empty when
   * the means are absent (published P95-only figures) or db_total is 0.
   */
  public static Optional<Double> lockShare(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    SegmentStats db = c.segments().get(Segment.DB_TOTAL.key());
    if (lw == null || db == null || lw.meanMs() == null || db.meanMs() == null
        || !(db.meanMs() > 0)) {
      return Optional.empty();
    }
    return Optional.of(lw.meanMs() / db.meanMs());
  }

  /**
   * For published figures that only give P95s (the seed's): P95 lock_wait / P95 db_total, what
   * the seed called "lock_wait = 99% of db_total". Not a share of time (the two P95s come from
   * different rows); used only when {@link #lockShare} is empty.
   */
  public static Optional<Double> publishedP95Ratio(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    SegmentStats db = c.segments().get(Segment.DB_TOTAL.key());
    if (lockShare(c).isPresent() || lw == null || db == null || lw.p95Ms() == null
        || db.p95Ms() == null || !(db.p95Ms() > 0)) {
      return Optional.empty();
    }
    return Optional.of(lw.p95Ms() / db.p95Ms());
  }

  /** True when the lock share is at least {@link #BOTTLENECK_SHARE}. */
  public static boolean bottleneck(double lockShare) {
    return lockShare >= BOTTLENECK_SHARE;
  }

  /**
   * The contention score: the share of the workers' time spent waiting for the write lock,
   * sum of lock_wait / (workers x wall time). A starved worker waits for most of the run and a
   * multi-second tail adds its whole length, so the score sees both where P95 does not. Empty
   * without mean lock_wait, count and wall time.
   */
  public static OptionalDouble score(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    if (lw == null || lw.meanMs() == null || lw.count() == null || c.wallS() == null
        || !(c.wallS() > 0)) {
      return OptionalDouble.empty();
    }
    double waitedMs = lw.meanMs() * lw.count();
    return OptionalDouble.of(Math.min(1.0, waitedMs / (c.concurrency() * c.wallS() * 1000)));
  }

  /**
   * Contention scores closer than this (a share of the workers' time) are not told apart when a
   * phase picks its target: one config's score alone (c10-zero, one repetition per matrix) spread
   * over 57%, 73% and 80% in three matrices made on one machine kind.
   */
  public static final double CLEAR_MARGIN = 0.25;

  /**
   * The config a phase mitigates, chosen so that it holds run to run: among configs with more
   * than one worker that were not duration-bounded (so repetitions stay short; else among
   * all), those whose contention score is within {@link #CLEAR_MARGIN} of the highest are
   * equally contended as far as the score can tell, and of those the one with the highest P95
   * lock_wait (the seed's figure, which separates them by orders of magnitude) is the target. A
   * config is chosen for its score alone only when it is clearly (more than the margin) more
   * contended than every other. Configs without a score rank by P95 lock_wait below those with
   * one.
   */
  public static ConfigResult mitigationTarget(List<ConfigResult> configs) {
    List<ConfigResult> eligible = configs.stream()
        .filter(c -> c.concurrency() > 1 && !c.durationBounded()).toList();
    List<ConfigResult> pool = eligible.isEmpty() ? configs : eligible;
    double best = pool.stream().mapToDouble(c -> score(c).orElse(-1)).max().orElse(-1);
    Comparator<ConfigResult> byP95 = Comparator
        .comparingDouble((ConfigResult c) -> p95LockWait(c).orElse(-1))
        .thenComparingDouble(c -> score(c).orElse(-1));
    return pool.stream()
        .filter(c -> best < 0 || score(c).isPresent()
            && score(c).getAsDouble() >= best - CLEAR_MARGIN)
        .max(byP95).orElseThrow();
  }

  /** One line saying why {@code target} was chosen: its score and what it is made of. */
  public static String why(ConfigResult target) {
    StringBuilder sb = new StringBuilder(target.id());
    OptionalDouble score = score(target);
    if (score.isPresent()) {
      sb.append(String.format(Locale.ROOT, ": workers spent %.0f%% of their time waiting for "
          + "the write lock", 100 * score.getAsDouble()));
    }
    sb.append(" (").append(lockWaitFigures(target));
    target.fairness().filter(f -> f.starvedWorkers() > 0).ifPresent(f -> sb.append("; ")
        .append(starvedClause(f)));
    return sb.append(')').toString();
  }

  /**
   * A sentence when the config's P95 lock_wait hides starved workers or a tail (P99.9 at least
   * {@link #HIDDEN_TAIL_RATIO} times the P95 and {@link #HIDDEN_TAIL_MIN_MS} or more), e.g.
   * {@code "At c10-zero, P95 lock_wait 0.02 ms hides it: 8 of 10 workers starved ...".}
   */
  public static Optional<String> hiddenByP95(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    if (lw == null || lw.p95Ms() == null) {
      return Optional.empty();
    }
    Optional<WorkerFairness> starved = c.fairness().filter(f -> f.starvedWorkers() > 0);
    boolean tail = lw.p999Ms() != null && lw.p999Ms() >= HIDDEN_TAIL_MIN_MS
        && lw.p999Ms() >= HIDDEN_TAIL_RATIO * lw.p95Ms();
    if (starved.isEmpty() && !tail) {
      return Optional.empty();
    }
    String p95 = "P95 lock_wait " + ms(lw.p95Ms()) + " ms";
    boolean low = lw.p95Ms() < HIDDEN_TAIL_MIN_MS;
    String sentence;
    if (starved.isPresent()) {
      sentence = (low ? p95 + " hides starvation: " : "beyond its " + p95 + ": ")
          + starvedClause(starved.get()) + ", " + tailClause(lw);
    } else {
      sentence = (low ? p95 + " hides a tail: " : "beyond its " + p95 + " there is a tail: ")
          + tailClause(lw);
    }
    return Optional.of("At " + c.id() + ", " + sentence + ".");
  }

  /** Milliseconds with three significant digits, thousands separated from 1,000 ms up. */
  public static String ms(double v) {
    if (v == 0) {
      return "0";
    }
    if (v >= 1000) {
      return String.format(Locale.US, "%,.0f", v);
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static OptionalDouble p95LockWait(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    return lw == null || lw.p95Ms() == null ? OptionalDouble.empty()
        : OptionalDouble.of(lw.p95Ms());
  }

  private static String lockWaitFigures(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    if (lw == null || lw.p95Ms() == null) {
      return "no lock_wait data";
    }
    return "P95 lock_wait " + ms(lw.p95Ms()) + " ms"
        + (lw.p999Ms() == null ? "" : ", P99.9 " + ms(lw.p999Ms()) + " ms")
        + (lw.maxMs() == null ? "" : ", max " + ms(lw.maxMs()) + " ms");
  }

  private static String starvedClause(WorkerFairness f) {
    return f.starvedWorkers() + " of " + f.workers() + " workers starved (fewest "
        + f.minPerWorker() + " transitions per worker, most " + f.maxPerWorker() + ")";
  }

  private static String tailClause(SegmentStats lw) {
    return (lw.p999Ms() == null ? "" : "P99.9 " + ms(lw.p999Ms()) + " ms, ")
        + "max wait " + (lw.maxMs() == null ? "unknown" : ms(lw.maxMs()) + " ms");
  }
}
