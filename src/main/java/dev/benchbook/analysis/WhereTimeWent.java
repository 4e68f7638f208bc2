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
 * Groups the method samples of a recording by config (the measured pass whose window holds the
 * sample) and by what the benchmark thread was doing, from its stack.
 */
public final class WhereTimeWent {

  /** Categories in report order. */
  public static final List<String> CATEGORIES = List.of("our code", "JDBC driver",
      "native SQLite", "waiting for the lock", "simulated API call", "held work",
      "JDK and other");
  /** Frames listed per config. */
  public static final int TOP = 8;

  private static final List<String> BLOCKING = List.of("java.lang.Thread.sleep",
      "jdk.internal.misc.Unsafe.park", "java.lang.Object.wait", "java.lang.Thread.yield",
      "java.lang.Thread.onSpinWait");
  private static final String PAUSE = "dev.benchbook.workload.Pause.ns";

  private WhereTimeWent() {
  }

  /**
   * One profile per config with samples, in the order of {@code configIds}; only samples of
   * benchmark threads (names starting {@code bench}) inside a measured pass count.
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

  /** The category of one sample, from its stack (top frame first). */
  public static String category(List<String> frames) {
    String top = frames.get(0);
    if (BLOCKING.stream().anyMatch(top::startsWith)) {
      int pause = frames.indexOf(PAUSE);
      if (pause >= 0) {
        boolean fromWorker = pause + 1 < frames.size()
            && frames.get(pause + 1).startsWith("dev.benchbook.runtime.Worker");
        return fromWorker ? "simulated API call" : "held work";
      }
      return "waiting for the lock";
    }
    if (top.startsWith("org.sqlite.core.NativeDB.")) {
      return "native SQLite";
    }
    if (top.startsWith("org.sqlite.")) {
      return "JDBC driver";
    }
    return top.startsWith("dev.benchbook.") ? "our code" : "JDK and other";
  }

  private static ConfigProfile profile(String id, List<Sample> samples) {
    Map<String, Long> categories = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> categories.put(c, 0L));
    Map<List<String>, long[]> frames = new LinkedHashMap<>();
    for (Sample s : samples) {
      String c = category(s.topFrames());
      categories.merge(c, 1L, Long::sum);
      frames.computeIfAbsent(List.of(s.topFrames().get(0), c), k -> new long[1])[0]++;
    }
    List<FrameSamples> top = new ArrayList<>();
    frames.forEach((f, n) -> top.add(new FrameSamples(f.get(0), f.get(1), n[0])));
    top.sort(Comparator.comparingLong(FrameSamples::samples).reversed()
        .thenComparing(FrameSamples::frame));
    return new ConfigProfile(id, samples.size(), categories,
        top.subList(0, Math.min(TOP, top.size())));
  }
}
