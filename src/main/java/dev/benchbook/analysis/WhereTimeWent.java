package dev.benchbook.analysis;

import dev.benchbook.results.ConfigProfile;
import dev.benchbook.results.ConfigProfile.FrameSamples;
import dev.benchbook.results.JfrSamples.Sample;
import dev.benchbook.runtime.Profiler.PassWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a recording by config (the measured pass whose window holds the event) and by what the
 * benchmark thread was doing: method samples by the code on top of the stack, waits (parks,
 * sleeps, monitor waits) by what the thread waited for.
 */
public final class WhereTimeWent {

  /** Categories of method samples, in report order. */
  public static final List<String> CATEGORIES = List.of("our code", "JDBC driver",
      "native SQLite", "JDK and other");
  /** Categories of waits, in report order. */
  public static final List<String> WAITS = List.of("waiting for the lock",
      "simulated API call", "held work", "writer idle", "other waits");
  /** Frames listed per config. */
  public static final int TOP = 8;

  private static final String PAUSE = "dev.benchbook.workload.Pause.ns";
  private static final String WRITER_LOOP = "dev.benchbook.workload.WriterQueueStrategy.writeLoop";
  private static final List<String> LOCK_WAITS = List.of("BusyHandler",
      "java.util.concurrent.locks.", "dev.benchbook.workload.WriterQueueStrategy",
      "org.sqlite.core.NativeDB");

  private WhereTimeWent() {
  }

  /**
   * One profile per config with samples or waits, in the order of {@code configIds}; only
   * events of benchmark threads (names starting {@code bench}) inside a measured pass count.
   */
  public static List<ConfigProfile> summarize(List<Sample> samples, List<PassWindow> windows,
      List<String> configIds) {
    Map<String, List<Sample>> byConfig = new LinkedHashMap<>();
    configIds.forEach(id -> byConfig.put(id, new ArrayList<>()));
    for (Sample s : samples) {
      if (!s.thread().startsWith("bench")) {
        continue;
      }
      for (PassWindow w : windows) {
        if (!s.time().isBefore(w.start()) && !s.time().isAfter(w.end())) {
          byConfig.computeIfAbsent(w.configId(), k -> new ArrayList<>()).add(s);
          break;
        }
      }
    }
    List<ConfigProfile> out = new ArrayList<>();
    byConfig.forEach((id, list) -> {
      if (!list.isEmpty()) {
        out.add(profile(id, list));
      }
    });
    return out;
  }

  /** The category of one method sample, from the frame on top of its stack. */
  public static String category(List<String> frames) {
    String top = frames.get(0);
    if (top.startsWith("org.sqlite.core.NativeDB.")) {
      return "native SQLite";
    }
    if (top.startsWith("org.sqlite.")) {
      return "JDBC driver";
    }
    return top.startsWith("dev.benchbook.") ? "our code" : "JDK and other";
  }

  /** What a waiting thread waited for, from its stack (top frame first). */
  public static String waitCategory(List<String> frames) {
    int pause = frames.indexOf(PAUSE);
    if (pause >= 0) {
      boolean fromWorker = pause + 1 < frames.size()
          && frames.get(pause + 1).startsWith("dev.benchbook.runtime.Worker");
      return fromWorker ? "simulated API call" : "held work";
    }
    if (frames.stream().anyMatch(f -> f.startsWith(WRITER_LOOP))) {
      return "writer idle";
    }
    boolean lock = frames.stream().anyMatch(f -> LOCK_WAITS.stream().anyMatch(f::contains));
    return lock ? "waiting for the lock" : "other waits";
  }

  private static ConfigProfile profile(String id, List<Sample> events) {
    Map<String, Long> categories = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> categories.put(c, 0L));
    Map<String, Double> waited = new LinkedHashMap<>();
    WAITS.forEach(c -> waited.put(c, 0.0));
    Map<List<String>, long[]> frames = new LinkedHashMap<>();
    long samples = 0;
    for (Sample s : events) {
      if (s.isWait()) {
        waited.merge(waitCategory(s.topFrames()), s.waitNs() / 1e6, Double::sum);
        continue;
      }
      samples++;
      String c = category(s.topFrames());
      categories.merge(c, 1L, Long::sum);
      frames.computeIfAbsent(List.of(s.topFrames().get(0), c), k -> new long[1])[0]++;
    }
    List<FrameSamples> top = new ArrayList<>();
    frames.forEach((f, n) -> top.add(new FrameSamples(f.get(0), f.get(1), n[0])));
    top.sort(Comparator.comparingLong(FrameSamples::samples).reversed()
        .thenComparing(FrameSamples::frame));
    return new ConfigProfile(id, samples, categories, top.subList(0, Math.min(TOP, top.size())),
        waited);
  }
}
