package dev.benchbook.cli;

import dev.benchbook.analysis.WhereTimeWent;
import dev.benchbook.api.Benchbook;
import dev.benchbook.api.Measured;
import dev.benchbook.api.Summary;
import dev.benchbook.results.AtomicFiles;
import dev.benchbook.results.ConfigProfile;
import dev.benchbook.results.JfrSamples;
import dev.benchbook.runtime.Profiler;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code --jfr}: a run under a Java Flight Recorder recording, summarised per config. */
final class Recorded {

  private Recorded() {
  }

  /**
   * Runs the plan while recording; the recording goes to a temporary file in the data folder
   * (moved beside the results when they are written) and its samples become the file's
   * profiles. A failed or cancelled run deletes the recording.
   */
  static Measured measure(RunPlan plan, WorkloadOptions options,
      java.util.Map<String, Object> parameters, RunControl control, ProgressListener progress,
      Summary summary) throws Exception {
    Files.createDirectories(options.dataDir);
    Path file = AtomicFiles.tempFile(options.dataDir, ".recording-");
    boolean kept = false;
    try (Profiler profiler = Profiler.start()) {
      Measured m = Benchbook.run(plan, parameters, control, profiler.windows(progress),
          summary);
      profiler.stopAndDump(file);
      List<ConfigProfile> profiles = WhereTimeWent.summarize(JfrSamples.read(file),
          profiler.passWindows(), plan.configIds());
      kept = true;
      return new Measured(m.file().withProfiles(Optional.empty(), profiles), m.rows(),
          Optional.of(file));
    } finally {
      if (!kept) {
        Files.deleteIfExists(file);
      }
    }
  }
}
