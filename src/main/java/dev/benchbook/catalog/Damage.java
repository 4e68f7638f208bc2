package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A catalog file SQLite cannot read ("file is not a database", "database disk image is
 * malformed"): since the catalog is derived from the data dir, it is moved aside (kept for a
 * post-mortem, never deleted) and rebuilt.
 */
final class Damage {

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private Damage() {
  }

  /** True when the error says the database file itself is damaged or not a database. */
  static boolean isDamage(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        int primary = s.getErrorCode() & 0xff;
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
          return true;
        }
        String m = String.valueOf(s.getMessage());
        if (m.contains("file is not a database") || m.contains("disk image is malformed")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Moves the damaged catalog (with its {@code -wal}; its {@code -shm} is only an index and is
   * deleted) to {@code <name>.damaged-<time>} beside it; returns where it went.
   */
  static Path moveAside(Path file) throws IOException {
    String stamp = STAMP.format(LocalDateTime.now());
    Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
    for (int n = 2; Files.exists(aside); n++) {
      aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
    }
    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    Path wal = Path.of(file + "-wal");
    if (Files.exists(wal)) {
      Files.move(wal, Path.of(aside + "-wal"), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.deleteIfExists(Path.of(file + "-shm"));
    return aside;
  }

  /** The one-line warning for a catalog that was moved aside and rebuilt. */
  static String warning(Path file, SQLException why, Path aside) {
    return "the catalog " + file + " was damaged (" + SqlErrors.message(why) + "); moved it to "
        + aside.getFileName() + " and rebuilt it from the data folder";
  }
}
