package dev.benchbook.analysis;

import dev.benchbook.results.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What differs between the machines and JVMs of two runs, from their manifests: CPU model,
 * cores, OS (with kernel version), JVM, JVM flags and SQLite version. A difference in any of
 * these is a difference no interval of one run's noise covers, so a comparison across them gives
 * no verdict. Fields absent from either manifest (reconstructed files) are not compared.
 */
public final class SetupDiff {

  private SetupDiff() {
  }

  /** One line per differing field, e.g. {@code cores 2 vs 8}; empty when they match. */
  public static List<String> differences(Manifest baseline, Manifest mitigation) {
    List<String> out = new ArrayList<>();
    add(out, "cpu_model", baseline, mitigation, Manifest::cpuModel);
    add(out, "cores", baseline, mitigation, Manifest::cores);
    add(out, "os", baseline, mitigation, Manifest::os);
    add(out, "jvm", baseline, mitigation, Manifest::jvm);
    add(out, "sqlite_version", baseline, mitigation, Manifest::sqliteVersion);
    if (baseline.jvm().isPresent() && mitigation.jvm().isPresent()
        && !baseline.jvmArgs().equals(mitigation.jvmArgs())) {
      out.add("jvm_args " + baseline.jvmArgs() + " vs " + mitigation.jvmArgs());
    }
    return List.copyOf(out);
  }

  private static void add(List<String> out, String name, Manifest a, Manifest b,
      Function<Manifest, Optional<?>> field) {
    Optional<?> x = field.apply(a);
    Optional<?> y = field.apply(b);
    if (x.isPresent() && y.isPresent() && !Objects.equals(x.get(), y.get())) {
      out.add(name + " " + x.get() + " vs " + y.get());
    }
  }
}
