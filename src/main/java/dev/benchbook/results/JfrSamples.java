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
   */
  public record Sample(Instant time, String thread, boolean nativeSample, List<String> topFrames) {
  }

  /** Every jdk.ExecutionSample and jdk.NativeMethodSample of the file, in file order. */
  public static List<Sample> read(Path jfr) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      String type = e.getEventType().getName();
      boolean nativeSample = type.equals("jdk.NativeMethodSample");
      if (!nativeSample && !type.equals("jdk.ExecutionSample")) {
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
      String thread = e.getThread("sampledThread") == null ? ""
          : String.valueOf(e.getThread("sampledThread").getJavaName());
      out.add(new Sample(e.getStartTime(), thread, nativeSample, frames));
    }
    return out;
  }
}
