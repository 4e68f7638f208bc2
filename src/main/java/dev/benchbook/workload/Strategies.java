package dev.benchbook.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The strategy registry: the built-ins as constants, then every {@link Strategy} that a jar on
 * the class path lists in {@code META-INF/services/dev.benchbook.workload.Strategy}. The
 * command line's {@code --strategy} candidates and checks, {@code mitigate --strategy all},
 * the charts' colours and the strategy contract test all read it.
 */
public final class Strategies {

  /** The baseline every comparison is made against: per-worker connections. */
  public static final Strategy BASELINE = PerWorkerStrategy.BASELINE;
  /** One shared connection behind a Java lock. */
  public static final Strategy SHARED_CONNECTION = SharedConnectionStrategy.STRATEGY;
  /** One writer thread that group-commits. */
  public static final Strategy WRITER_QUEUE = WriterQueueStrategy.STRATEGY;
  /** Per-worker connections with a jittered backoff. */
  public static final Strategy BACKOFF = PerWorkerStrategy.BACKOFF;
  /** The seed's NOT ATOMIC setup. */
  public static final Strategy SHARED_INTERLEAVED = SharedInterleavedStrategy.STRATEGY;

  /** The built-ins, baseline first; a strategy's colour on charts is its index here. */
  public static final List<Strategy> BUILT_IN = List.of(BASELINE, SHARED_CONNECTION,
      WRITER_QUEUE, BACKOFF, SHARED_INTERLEAVED);

  private static final List<Strategy> ALL = load(Strategies.class.getClassLoader());

  private Strategies() {
  }

  /** The built-ins, then the strategies {@code loader} finds as services (names must be new). */
  public static List<Strategy> load(ClassLoader loader) {
    List<Strategy> all = new ArrayList<>(BUILT_IN);
    for (Strategy s : ServiceLoader.load(Strategy.class, loader)) {
      if (all.stream().anyMatch(k -> k.name().equals(s.name()))) {
        throw new IllegalStateException("two strategies are named '" + s.name() + "' ("
            + s.getClass().getName() + " is the second)");
      }
      all.add(s);
    }
    return List.copyOf(all);
  }

  /** Every strategy this build knows: the built-ins, then the plugged-in ones. */
  public static List<Strategy> all() {
    return ALL;
  }

  /** Every strategy's name, in registry order. */
  public static List<String> names() {
    return ALL.stream().map(Strategy::name).toList();
  }

  /** The mitigations {@code all} stands for: every atomic strategy but the baseline. */
  public static List<Strategy> mitigations() {
    return ALL.stream().filter(s -> s != BASELINE && s.atomic()).toList();
  }

  /** The strategy of this name, if any. */
  public static Optional<Strategy> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The strategy of this name; fails naming the known ones. */
  public static Strategy named(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name
        + "'; expected one of " + String.join(", ", names())));
  }

  /** A strategy's position in the registry (its chart colour), or -1. */
  public static int indexOf(String name) {
    return names().indexOf(name);
  }
}
