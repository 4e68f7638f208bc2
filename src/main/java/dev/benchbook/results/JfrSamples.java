package dev.benchbook.results;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** Reads the method samples of a Java Flight Recorder file with {@code jdk.jfr.consumer}. */
public final class JfrSamples {

  private JfrSamples() {
  }

  /**
   * One method sample.
   *
   * @param time when it was taken
   * @param thread the sampled thread's Java name
   * @param native true for a native method sample (thread in native code, e.g. JNI or sleep)
   * @param topFrames the top frames of the stack as {@code class.method}, top first (at most 8)
   * @param waitNs for a park, sleep or monitor wait event, how long the thread waited; 0 for a
   *     method sample
   */
  public record Sample(Instant time, String thread, boolean nativeSample, List<String> topFrames,
      long waitNs) {

    /** A method sample (no wait). */
    public Sample(Instant time, String thread, boolean nativeSample, List<String> topFrames) {
      this(time, thread, nativeSample, topFrames, 0);
    }

    /** True for a park, sleep or monitor wait event. */
    public boolean isWait() {
      return waitNs > 0;
    }
  }

  private static final List<String> WAITS = List.of("jdk.ThreadPark", "jdk.ThreadSleep",
      "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait");

  /**
   * Every jdk.ExecutionSample and jdk.NativeMethodSample of the file, and every park, sleep and
   * monitor wait with its duration, in file order.
   */
  public static List<Sample> read(Path jfr) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      String type = e.getEventType().getName();
      boolean nativeSample = type.equals("jdk.NativeMethodSample");
      boolean wait = WAITS.contains(type);
      if (!nativeSample && !wait && !type.equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (RecordedFrame f : stack.getFrames()) {
        if (frames.size() == 8) {
          break;
        }
        frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
      String field = wait ? "eventThread" : "sampledThread";
      String thread = e.getThread(field) == null ? ""
          : String.valueOf(e.getThread(field).getJavaName());
      long waitNs = wait ? Math.max(1, e.getDuration().toNanos()) : 0;
      out.add(new Sample(e.getStartTime(), thread, nativeSample, frames, waitNs));
    }
    return out;
  }
}
