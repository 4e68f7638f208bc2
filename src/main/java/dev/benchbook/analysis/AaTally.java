package dev.benchbook.analysis;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an A/A trial: comparisons of a config with itself, where every "improved" or
 * "regressed" is a false verdict. One row per segment's P95 and one for the throughput ratio.
 */
public final class AaTally {

  /** Row name of the throughput ratio. */
  public static final String THROUGHPUT = "throughput ratio";

  private AaTally() {
  }

  /**
   * One row of the tally.
   *
   * @param row segment key (P95) or {@link #THROUGHPUT}
   * @param pairs comparisons that had this row
   * @param improved "improved" verdicts (false)
   * @param regressed "regressed" verdicts (false)
   * @param noVerdict comparisons that gave no verdict (too little data)
   * @param deltasPct the P95 delta in % (or the ratio's change in %) of every pair, in order
   */
  public record Row(String row, int pairs, int improved, int regressed, int noVerdict,
      List<Double> deltasPct) {

    /** Copies the list. */
    public Row {
      deltasPct = List.copyOf(deltasPct);
    }

    /** False verdicts: improved plus regressed. */
    public int falseVerdicts() {
      return improved + regressed;
    }

    /** False verdicts as a share of the pairs that got a verdict; 0 when none did. */
    public double falseRate() {
      int judged = pairs - noVerdict;
      return judged == 0 ? 0 : falseVerdicts() / (double) judged;
    }
  }

  /** The rows of a trial, segments in the order they first appear, then the throughput. */
  public static List<Row> of(List<Comparison> pairs) {
    Map<String, List<Double>> deltas = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Comparison c : pairs) {
      for (SegmentDelta d : c.segments()) {
        add(deltas, counts, d.segment(), d.deltaPct(), d.verdict());
      }
      add(deltas, counts, THROUGHPUT, 100 * (c.throughput().ratio() - 1),
          c.throughput().verdict());
    }
    List<Row> out = new ArrayList<>();
    List<String> order = new ArrayList<>(counts.keySet());
    order.remove(THROUGHPUT);
    order.add(THROUGHPUT);
    for (String key : order) {
      int[] n = counts.get(key);
      out.add(new Row(key, n[0], n[1], n[2], n[3], deltas.get(key)));
    }
    return out;
  }

  private static void add(Map<String, List<Double>> deltas, Map<String, int[]> counts,
      String key, double deltaPct, Optional<Verdict> verdict) {
    deltas.computeIfAbsent(key, k -> new ArrayList<>()).add(deltaPct);
    int[] n = counts.computeIfAbsent(key, k -> new int[4]);
    n[0]++;
    if (verdict.isEmpty()) {
      n[3]++;
    } else if (verdict.get() == Verdict.IMPROVED) {
      n[1]++;
    } else if (verdict.get() == Verdict.REGRESSED) {
      n[2]++;
    }
  }
}
