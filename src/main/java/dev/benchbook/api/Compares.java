package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Comparisons;
import dev.benchbook.analysis.ConfigRows;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RunFile;

/** Comparisons for the facade: recomputed from configs, with raw rows when both sides have them. */
final class Compares {

  private Compares() {
  }

  /** A mitigation file's baseline against its (first) mitigation run. */
  static Comparison own(LoadedRun run, CompareOptions options) {
    RunFile f = run.run();
    String hint = "; use Benchbook.compare(run, baselineId, run, mitigationId) (configs: "
        + Loads.ids(f) + ")";
    ConfigResult baseline = f.baseline().orElseThrow(() -> new IllegalArgumentException(
        run.path().getFileName() + " is a " + f.kind() + " file, not a mitigation file" + hint));
    ConfigResult mitigation = f.mitigationRun()
        .or(() -> f.mitigationRuns().stream().findFirst())
        .orElseThrow(() -> new IllegalArgumentException(run.path().getFileName()
            + " has a baseline but no mitigation run" + hint));
    return between(run, baseline.id(), run, mitigation.id(), options);
  }

  /**
   * The delta of percentile {@code p} of one segment between config {@code baselineId} of
   * {@code a} and {@code mitigationId} of {@code b}, from their raw rows.
   */
  static dev.benchbook.analysis.PercentileDelta percentile(LoadedRun a, String baselineId,
      LoadedRun b, String mitigationId, String segment, double p, CompareOptions options) {
    dev.benchbook.rows.Segment s = dev.benchbook.rows.Segment.byKey(segment)
        .orElseThrow(() -> new IllegalArgumentException("no segment '" + segment + "'"));
    LoadedRun ra = Loads.requireRows(a);
    LoadedRun rb = a == b ? ra : Loads.requireRows(b);
    CompareOptions withRows = options.withManifests(a.run().manifest(), b.run().manifest())
        .withRows(ConfigRows.of(ra.rows().get(), baselineId),
            ConfigRows.of(rb.rows().get(), mitigationId));
    return Comparisons.percentileDelta(Loads.config(a, baselineId), Loads.config(b, mitigationId),
        s, p, withRows);
  }

  /**
   * Config {@code baselineId} of {@code a} against config {@code mitigationId} of {@code b};
   * across two loaded runs the comparison names them (by path when both have one name).
   */
  static Comparison between(LoadedRun a, String baselineId, LoadedRun b, String mitigationId,
      CompareOptions options) {
    ConfigResult baseline = Loads.config(a, baselineId);
    ConfigResult mitigation = Loads.config(b, mitigationId);
    LoadedRun ra = Loads.withRows(a);
    LoadedRun rb = a == b ? ra : Loads.withRows(b);
    CompareOptions withRows = options.withManifests(a.run().manifest(), b.run().manifest());
    if (ra.rows().isPresent() && rb.rows().isPresent()) {
      withRows = withRows.withRows(ConfigRows.of(ra.rows().get(), baselineId),
          ConfigRows.of(rb.rows().get(), mitigationId));
    }
    Comparison c = Comparisons.compare(baseline, mitigation, withRows);
    if (a == b) {
      return c;
    }
    boolean twins = a.name().equals(b.name()) && !a.path().equals(b.path());
    return twins ? c.withRuns(a.path().toString(), b.path().toString())
        : c.withRuns(a.name(), b.name());
  }
}
