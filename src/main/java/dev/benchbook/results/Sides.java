package dev.benchbook.results;

import java.util.Optional;

/**
 * How a comparison names its two sides in tables, sentences and chart titles: by config id,
 * and by run name when known. Two different runs are "A" and "B" with a legend, never
 * "Baseline / Mitigation" (a cross-run comparison has no mitigation).
 *
 * @param baseline the baseline config id
 * @param mitigation the mitigation (or second) config id
 * @param baselineRun the name of the baseline's run, when known
 * @param mitigationRun the name of the second config's run, when known
 */
public record Sides(String baseline, String mitigation, Optional<String> baselineRun,
    Optional<String> mitigationRun) {

  /** Checks the fields. */
  public Sides {
    if (baseline == null || mitigation == null || baselineRun == null || mitigationRun == null) {
      throw new IllegalArgumentException("sides need two config ids and optional run names");
    }
  }

  /**
   * The sides of a comparison: its two config ids, and the runs they come from when the
   * comparison names them (made between two loaded runs, e.g. by {@code Benchbook.compare}).
   */
  public static Sides of(Comparison c) {
    return new Sides(c.baselineConfig(), c.mitigationConfig(), c.baselineRun(),
        c.mitigationRun());
  }

  /** The sides of a comparison of config ids in two named runs (the same run twice is fine). */
  public static Sides of(Comparison c, String baselineRun, String mitigationRun) {
    return new Sides(c.baselineConfig(), c.mitigationConfig(), Optional.of(baselineRun),
        Optional.of(mitigationRun));
  }

  /** True when the two sides come from two different runs. */
  public boolean crossRun() {
    return baselineRun.isPresent() && mitigationRun.isPresent()
        && !baselineRun.get().equals(mitigationRun.get());
  }

  /** The first side's column label: {@code Baseline}, or {@code A} across runs. */
  public String baselineLabel() {
    return crossRun() ? "A" : "Baseline";
  }

  /** The second side's column label: {@code Mitigation}, or {@code B} across runs. */
  public String mitigationLabel() {
    return crossRun() ? "B" : "Mitigation";
  }

  /**
   * The sentence naming both sides (Markdown bold), e.g. {@code Baseline **c10-fast** vs
   * mitigation **c10-fast-writer-queue** (run results-mitigation-...)} or, across runs,
   * {@code A: **c16-fast-hold1** of run results-1; B: **c16-fast-hold1** of run results-2}.
   */
  public String legend() {
    if (crossRun()) {
      return "A: **" + baseline + "** of run " + baselineRun.get() + "; B: **" + mitigation
          + "** of run " + mitigationRun.get();
    }
    return "Baseline **" + baseline + "** vs mitigation **" + mitigation + "**"
        + baselineRun.map(r -> " (run " + r + ")").orElse("");
  }

  /** A short title, e.g. {@code c10-fast vs c10-fast-writer-queue} or, across runs with one id,
   * {@code c16-fast-hold1: results-1 vs results-2}. */
  public String title() {
    if (!crossRun()) {
      return baseline + " vs " + mitigation;
    }
    if (baseline.equals(mitigation)) {
      return baseline + ": " + baselineRun.get() + " vs " + mitigationRun.get();
    }
    return baseline + " (" + baselineRun.get() + ") vs " + mitigation + " ("
        + mitigationRun.get() + ")";
  }

  /** The first side as a chart legend entry, e.g. {@code baseline: c10-fast} or {@code A: ...}. */
  public String baselineSeries() {
    return crossRun() ? "A: " + baseline + " (" + baselineRun.get() + ")" : "baseline: " + baseline;
  }

  /** The second side as a chart legend entry. */
  public String mitigationSeries() {
    return crossRun() ? "B: " + mitigation + " (" + mitigationRun.get() + ")"
        : "mitigation: " + mitigation;
  }
}
