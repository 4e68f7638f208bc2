package dev.benchbook.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of a run (JDK built-in), with the time window of every
 * measured pass so samples can be attributed to their config; warmup passes and ceiling probes
 * fall outside every window.
 */
public final class Profiler implements AutoCloseable {

  /** Sampling period of Java and native method samples. */
  public static final Duration PERIOD = Duration.ofMillis(10);
  /**
   * Events recorded for every wait, however short: method samples never see a parked, sleeping
   * or blocked thread, so waiting is measured by these events' durations instead.
   */
  public static final java.util.List<String> BLOCKING_EVENTS = java.util.List.of(
      "jdk.ThreadPark", "jdk.ThreadSleep", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait");

  private final Recording recording;
  private final List<PassWindow> windows = new ArrayList<>();
  private final Map<String, Instant> open = new ConcurrentHashMap<>();

  /**
   * One measured pass's time window.
   *
   * @param configId the pass's config
   * @param rep the repetition
   * @param start when the pass started
   * @param end when it ended
   */
  public record PassWindow(String configId, int rep, Instant start, Instant end) {
  }

  private Profiler(Recording recording) {
    this.recording = recording;
  }

  /**
   * Starts a recording with the JDK's "profile" settings, 10 ms method sampling and every
   * park, sleep and monitor wait of any length.
   */
  public static Profiler start() throws IOException {
    Recording r;
    try {
      r = new Recording(Configuration.getConfiguration("profile"));
    } catch (java.text.ParseException e) {
      throw new IOException("cannot read the JDK's JFR 'profile' settings: " + e.getMessage(), e);
    }
    r.enable("jdk.ExecutionSample").withPeriod(PERIOD);
    r.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
    for (String blocking : BLOCKING_EVENTS) {
      r.enable(blocking).withThreshold(Duration.ZERO).withStackTrace();
    }
    r.setToDisk(true);
    r.start();
    return new Profiler(r);
  }

  /** A listener passing everything to {@code next} and noting each measured pass's window. */
  public ProgressListener windows(ProgressListener next) {
    return new ProgressListener() {
      @Override
      public void runStarted(long expectedTransitions) {
        next.runStarted(expectedTransitions);
      }

      @Override
      public void passStarted(String configId, int rep, int reps) {
        if (rep >= 0) {
          open.put(configId + "#" + rep, Instant.now());
        }
        next.passStarted(configId, rep, reps);
      }

      @Override
      public void passProgress(String configId, int rep, long transitionsDone) {
        next.passProgress(configId, rep, transitionsDone);
      }

      @Override
      public void passEnded(String configId, int rep, long transitions) {
        Instant start = open.remove(configId + "#" + rep);
        if (start != null) {
          synchronized (windows) {
            windows.add(new PassWindow(configId, rep, start, Instant.now()));
          }
        }
        next.passEnded(configId, rep, transitions);
      }

      @Override
      public void runEnded() {
        next.runEnded();
      }
    };
  }

  /** The measured passes' windows so far, in the order they ended. */
  public List<PassWindow> passWindows() {
    synchronized (windows) {
      return List.copyOf(windows);
    }
  }

  /** Stops the recording and writes it to {@code file}. */
  public void stopAndDump(Path file) throws IOException {
    recording.stop();
    recording.dump(file);
  }

  /** Discards the recording. */
  @Override
  public void close() {
    recording.close();
  }
}
