package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timestamps as the catalog stores them: ISO-8601 UTC with milliseconds, e.g. 2026-11-26T21:18:22.236Z. */
final class Times {

  /** The stored form; fixed width, so text order is time order. */
  static final DateTimeFormatter ISO = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern NAME_STAMP = Pattern.compile("(\\d{8}-\\d{6})");
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
      Locale.ROOT);

  private Times() {
  }

  /** An ISO instant as stored, or empty when the text is not one. */
  static Optional<String> iso(String text) {
    try {
      return Optional.of(format(Instant.parse(text)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The instant in the stored form. */
  static String format(Instant instant) {
    return ISO.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * When a run was made: the manifest's start time, else the UTC time in the file name
   * ({@code results-20260222-114707}), else the file's modification time.
   */
  static String createdAt(Optional<String> startTime, String name, Path file) {
    Optional<String> start = startTime.flatMap(Times::iso);
    if (start.isPresent()) {
      return start.get();
    }
    Matcher m = NAME_STAMP.matcher(name);
    if (m.find()) {
      try {
        return format(LocalDateTime.parse(m.group(1), NAME).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // not a time after all: fall through to the file's time
      }
    }
    try {
      return format(Files.getLastModifiedTime(file).toInstant());
    } catch (IOException e) {
      return format(Instant.EPOCH);
    }
  }
}
