package dev.benchbook.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations like {@code 20s}, {@code 500ms}, {@code 2m} or a plain number of seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
      }
      if (v.endsWith("s")) {
        return positive(seconds(v.substring(0, v.length() - 1)), value);
      }
      if (v.endsWith("m")) {
        return positive(Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))), value);
      }
      return positive(seconds(v), value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value
          + "' is not a duration; expected e.g. 20s, 500ms, 2m or a number of seconds");
    }
  }

  private static Duration seconds(String s) {
    return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9));
  }

  private static Duration positive(Duration d, String value) {
    if (d.isNegative() || d.isZero()) {
      throw new TypeConversionException("duration must be > 0, got '" + value + "'");
    }
    return d;
  }
}
