package dev.benchbook.workload;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.zip.CRC32;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The code and name a failed attempt is recorded with in the rows' error column: an SQLite
 * error is its (extended) result code and name, e.g. 2067 {@code SQLITE_CONSTRAINT_UNIQUE};
 * any other throwable is its class name and a code of 65536 or more derived from that name
 * (31 bits of its CRC-32), the same in every JVM, so forks need no code mapping.
 */
public final class ErrorCodes {

  /** Codes from here on name exception classes; below it, SQLite result codes. */
  public static final int FIRST_CLASS_CODE = 1 << 16;

  private ErrorCodes() {
  }

  /**
   * Returns {@code t} when a run can go on after it (anything but a VirtualMachineError other
   * than StackOverflowError); rethrows the others (out of memory, internal errors).
   */
  public static Throwable survivable(Throwable t) {
    if (t instanceof VirtualMachineError e && !(t instanceof StackOverflowError)) {
      throw e;
    }
    return t;
  }

  /** The code of what failed (never 0). */
  public static int code(Throwable t) {
    SQLiteErrorCode sqlite = sqlite(t);
    if (sqlite != null && sqlite.code > 0 && sqlite.code < FIRST_CLASS_CODE) {
      return sqlite.code;
    }
    return codeOfName(name(t));
  }

  /** The name of what failed: the SQLite error's name, else the exception's class name. */
  public static String name(Throwable t) {
    SQLiteErrorCode sqlite = sqlite(t);
    if (sqlite != null && sqlite.code > 0 && sqlite.code < FIRST_CLASS_CODE) {
      return sqlite.name();
    }
    return t.getClass().getName();
  }

  /** The code of an exception class name: 65536 and up. */
  public static int codeOfName(String className) {
    CRC32 crc = new CRC32();
    crc.update(className.getBytes(StandardCharsets.UTF_8));
    return (int) (FIRST_CLASS_CODE + (crc.getValue() % (Integer.MAX_VALUE - FIRST_CLASS_CODE)));
  }

  /** The SQLite error of an SQLException (or of the SQLExceptions it wraps), else null. */
  private static SQLiteErrorCode sqlite(Throwable t) {
    for (Throwable c = t; c instanceof SQLException; c = c.getCause()) {
      if (c instanceof SQLiteException s) {
        return s.getResultCode();
      }
    }
    return null;
  }
}
