package dev.benchbook.analysis;

import java.util.Arrays;

/**
 * One side of a comparison as the data were made: rows nested in repetitions, repetitions
 * nested in forks (fresh JVMs). The values are sorted once; each repetition keeps the positions
 * of its rows in that sorted order, so a resample can count positions in a histogram instead of
 * copying values (see {@link HierarchicalBootstrap}).
 */
public final class NestedSample {

  private final double[] sorted;
  private final int[][] units;
  private final int[][] groups;
  private final int rows;

  private NestedSample(double[] sorted, int[][] units, int[][] groups) {
    this.sorted = sorted;
    this.units = units;
    this.groups = groups;
    this.rows = sorted.length;
  }

  /**
   * A sample from the rows of each repetition ({@code repRows[i]}, in ms or any unit) and the
   * fork each repetition ran in ({@code forkOfRep[i]}, any integers; one value = no forks).
   * Repetitions without rows are dropped.
   */
  public static NestedSample of(double[][] repRows, int[] forkOfRep) {
    if (repRows.length != forkOfRep.length) {
      throw new IllegalArgumentException("need one fork per repetition, got " + repRows.length
          + " repetitions and " + forkOfRep.length + " forks");
    }
    int total = 0;
    for (double[] r : repRows) {
      for (double v : r) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("a repetition holds a non-finite value: " + v);
        }
      }
      total += r.length;
    }
    if (total == 0) {
      throw new IllegalArgumentException("a nested sample needs at least one row");
    }
    double[] all = new double[total];
    int at = 0;
    for (double[] r : repRows) {
      System.arraycopy(r, 0, all, at, r.length);
      at += r.length;
    }
    Arrays.sort(all);
    int[][] units = positions(repRows, all);
    return new NestedSample(all, units, groups(repRows, forkOfRep));
  }

  /** Positions in {@code sorted} of each non-empty repetition's rows (ties get distinct slots). */
  private static int[][] positions(double[][] repRows, double[] sorted) {
    int[] used = new int[sorted.length];
    int nonEmpty = (int) Arrays.stream(repRows).filter(r -> r.length > 0).count();
    int[][] out = new int[nonEmpty][];
    int u = 0;
    for (double[] r : repRows) {
      if (r.length == 0) {
        continue;
      }
      out[u] = new int[r.length];
      for (int i = 0; i < r.length; i++) {
        int first = lowerBound(sorted, r[i]);
        out[u][i] = first + used[first]++;
      }
      u++;
    }
    return out;
  }

  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Unit indices (non-empty repetitions, in order) grouped by fork, forks in first-seen order. */
  private static int[][] groups(double[][] repRows, int[] forkOfRep) {
    java.util.LinkedHashMap<Integer, java.util.List<Integer>> byFork =
        new java.util.LinkedHashMap<>();
    int u = 0;
    for (int i = 0; i < repRows.length; i++) {
      if (repRows[i].length > 0) {
        byFork.computeIfAbsent(forkOfRep[i], k -> new java.util.ArrayList<>()).add(u++);
      }
    }
    return byFork.values().stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** Repetitions with at least one row. */
  public int repetitions() {
    return units.length;
  }

  /** Distinct forks among those repetitions (1 when the run was not forked). */
  public int forks() {
    return groups.length;
  }

  /**
   * Independent units at the top level of the nesting: forks when there are two or more,
   * else repetitions. The small-sample correction counts these.
   */
  public int topLevelUnits() {
    return groups.length >= 2 ? groups.length : units.length;
  }

  /** Rows over all repetitions. */
  public int rows() {
    return rows;
  }

  double[] sorted() {
    return sorted;
  }

  int[][] units() {
    return units;
  }

  int[][] groups() {
    return groups;
  }
}
