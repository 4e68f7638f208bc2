package dev.benchbook.analysis;

import dev.benchbook.results.Manifest;
import java.util.Optional;

/**
 * How to compare two configs.
 *
 * @param force compare even when the two workloads differ (the differences are then listed)
 * @param noiseThresholdPct changes smaller than this percentage are within noise (default 1.0)
 * @param resamples bootstrap resamples, at least 200 (default 1,000): the intervals use the
 *     bootstrap for a standard error, which 1,000 resamples estimate to about 2%
 * @param seed bootstrap RNG seed; the same seed gives the same intervals
 * @param confidence confidence level of the intervals, in (0, 1) (default 0.95)
 * @param baselineRows raw rows of the baseline config, when available
 * @param mitigationRows raw rows of the mitigation config, when available
 * @param baselineManifest manifest of the baseline's file, when known: its clock cost sets the
 *     absolute noise floor, and a cross-file comparison checks the machines and JVMs
 * @param mitigationManifest manifest of the mitigation's file, when known
 */
public record CompareOptions(
    boolean force,
    double noiseThresholdPct,
    int resamples,
    long seed,
    double confidence,
    Optional<ConfigRows> baselineRows,
    Optional<ConfigRows> mitigationRows,
    Optional<Manifest> baselineManifest,
    Optional<Manifest> mitigationManifest) {

  /** Default noise threshold, percent. */
  public static final double DEFAULT_NOISE_THRESHOLD_PCT = 1.0;
  /** Fewest bootstrap resamples (enough for a standard error; Efron and Tibshirani, ch. 6). */
  public static final int MIN_RESAMPLES = 200;
  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 1000;
  /** Default seed (the seed run's date), so that unseeded comparisons are reproducible. */
  public static final long DEFAULT_SEED = 20260222L;
  /** Default confidence level. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Validates ranges and normalises absent rows. */
  public CompareOptions {
    if (!(noiseThresholdPct >= 0 && noiseThresholdPct < 100)) {
      throw new IllegalArgumentException(
          "noise threshold must be in [0, 100) %, got " + noiseThresholdPct);
    }
    if (resamples < MIN_RESAMPLES) {
      throw new IllegalArgumentException(
          "bootstrap resamples must be >= " + MIN_RESAMPLES + ", got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    baselineRows = baselineRows == null ? Optional.empty() : baselineRows;
    mitigationRows = mitigationRows == null ? Optional.empty() : mitigationRows;
    baselineManifest = baselineManifest == null ? Optional.empty() : baselineManifest;
    mitigationManifest = mitigationManifest == null ? Optional.empty() : mitigationManifest;
  }

  /** Options without manifests (the record's earlier shape). */
  public CompareOptions(boolean force, double noiseThresholdPct, int resamples, long seed,
      double confidence, Optional<ConfigRows> baselineRows, Optional<ConfigRows> mitigationRows) {
    this(force, noiseThresholdPct, resamples, seed, confidence, baselineRows, mitigationRows,
        Optional.empty(), Optional.empty());
  }

  /** Defaults: no force, 1% noise threshold, 1,000 resamples, fixed seed, 95%, no rows. */
  public static CompareOptions defaults() {
    return new CompareOptions(false, DEFAULT_NOISE_THRESHOLD_PCT, DEFAULT_RESAMPLES, DEFAULT_SEED,
        DEFAULT_CONFIDENCE, Optional.empty(), Optional.empty());
  }

  /** A copy with the force flag set. */
  public CompareOptions withForce(boolean value) {
    return new CompareOptions(value, noiseThresholdPct, resamples, seed, confidence,
        baselineRows, mitigationRows, baselineManifest, mitigationManifest);
  }

  /** A copy with another noise threshold, percent. */
  public CompareOptions withNoiseThresholdPct(double value) {
    return new CompareOptions(force, value, resamples, seed, confidence, baselineRows,
        mitigationRows, baselineManifest, mitigationManifest);
  }

  /** A copy with another number of resamples. */
  public CompareOptions withResamples(int value) {
    return new CompareOptions(force, noiseThresholdPct, value, seed, confidence, baselineRows,
        mitigationRows, baselineManifest, mitigationManifest);
  }

  /** A copy with another seed. */
  public CompareOptions withSeed(long value) {
    return new CompareOptions(force, noiseThresholdPct, resamples, value, confidence,
        baselineRows, mitigationRows, baselineManifest, mitigationManifest);
  }

  /** A copy with another confidence level. */
  public CompareOptions withConfidence(double value) {
    return new CompareOptions(force, noiseThresholdPct, resamples, seed, value, baselineRows,
        mitigationRows, baselineManifest, mitigationManifest);
  }

  /** A copy with raw rows for both sides. */
  public CompareOptions withRows(ConfigRows baseline, ConfigRows mitigation) {
    return new CompareOptions(force, noiseThresholdPct, resamples, seed, confidence,
        Optional.of(baseline), Optional.of(mitigation), baselineManifest, mitigationManifest);
  }

  /**
   * A copy with the manifests of the two files (the same manifest twice for two configs of one
   * file): sets the absolute noise floor and, across files, the machine and JVM check.
   */
  public CompareOptions withManifests(Manifest baseline, Manifest mitigation) {
    return new CompareOptions(force, noiseThresholdPct, resamples, seed, confidence,
        baselineRows, mitigationRows, Optional.of(baseline), Optional.of(mitigation));
  }
}
