package dev.benchbook.cli;

import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.Strategy;
import dev.benchbook.workload.StrategySpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --strategy} as picocli sees it, read from the strategy registry: completion
 * candidates, the check of each value ({@code name[:key=value,...]}) and {@code all}.
 */
final class StrategyChoices {

  /** Splits a list at commas that start a new strategy, not at those between its options. */
  static final String SPLIT = ",(?![a-z0-9-]+=)";
  /** Stands for every atomic mitigation in registry order. */
  static final String ALL = "all";

  private StrategyChoices() {
  }

  /** Completion candidates: every strategy's name. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Strategies.names().iterator();
    }
  }

  /** Completion candidates of the comparing commands: the mitigations, then {@code all}. */
  static final class Mitigations implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> out = new ArrayList<>(Strategies.names());
      out.remove(Strategies.BASELINE.name());
      out.add(ALL);
      return out.iterator();
    }
  }

  /** Checks one strategy value (its name and options) and keeps it as text. */
  static final class Checked implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      check(value);
      return value;
    }
  }

  /** Checks a mitigation value: a strategy other than the baseline, or {@code all}. */
  static final class CheckedMitigation implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (ALL.equals(value)) {
        return value;
      }
      if (check(value).strategy() == Strategies.BASELINE) {
        throw new TypeConversionException("'" + value + "' is the baseline, which always runs; "
            + "give mitigations among " + String.join(", ", new Mitigations()));
      }
      return value;
    }
  }

  private static StrategySpec check(String value) {
    try {
      return StrategySpec.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** Expands {@code all} into the registry's mitigations; keeps order, drops repeats. */
  static List<String> resolve(List<String> requested) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String s : requested) {
      if (ALL.equals(s)) {
        Strategies.mitigations().stream().map(Strategy::name).forEach(out::add);
      } else {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }
}
