package dev.benchbook.workload;

import java.util.List;

/** The workloads a run can name (a fork's plan names its configs' workload). */
public final class Workloads {

  /** Every built-in workload: today the standard FSM. */
  public static final List<Workload> BUILT_IN = List.of(FsmWorkload.STANDARD);

  private Workloads() {
  }

  /** The workload of this name; fails naming the known ones. */
  public static Workload named(String name) {
    return BUILT_IN.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name
            + "'; expected one of " + String.join(", ", BUILT_IN.stream().map(Workload::name)
            .toList())));
  }
}
