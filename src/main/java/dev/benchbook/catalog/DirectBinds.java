package dev.benchbook.catalog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * Runs a prepared insert once per row through sqlite-jdbc's statement handle: bind, step, with
 * no {@code addBatch}. {@code executeBatch} boxes every bound value into the batch array, then
 * for each row resets the statement, binds each value by a type switch and asks for the changed
 * row count, which the import does not need; this path makes one JNI call per bound
 * value, one step and one reset.
 *
 * <p>sqlite-jdbc's statement handle ({@link CoreStatement#pointer}) and its {@code step},
 * {@code reset} and {@code throwex} are public; its {@code bind_long} is package-private, so it
 * is looked up once through {@link MethodHandles#privateLookupIn}, which the pinned driver
 * allows on the class path (no module boundary). When the lookup fails (another driver layout,
 * a module path), {@link #available()} is false and the caller keeps {@code executeBatch}.
 */
final class DirectBinds {

  private static final int SQLITE_OK = 0;
  private static final int SQLITE_DONE = 101;
  private static final MethodHandle BIND_LONG = bindLong();

  private final DB db;
  private final long handle;

  private DirectBinds(DB db, long handle) {
    this.db = db;
    this.handle = handle;
  }

  /** True when sqlite-jdbc's bind call could be reached. */
  static boolean available() {
    return BIND_LONG != null;
  }

  /** The direct path for {@code ps}, a statement of sqlite-jdbc's. */
  static DirectBinds of(PreparedStatement ps) throws SQLException {
    if (!available()) {
      throw new IllegalStateException("sqlite-jdbc's bind call is not reachable");
    }
    if (!(ps instanceof CoreStatement statement)
        || !(ps.getConnection() instanceof SQLiteConnection connection)) {
      throw new IllegalArgumentException("not a statement of sqlite-jdbc: " + ps.getClass());
    }
    long handle = statement.pointer.safeRunLong((d, p) -> p);
    return new DirectBinds(connection.getDatabase(), handle);
  }

  /** Binds {@code values[0..n)} to parameters 1..n, runs the statement once and resets it. */
  void run(long[] values, int n) throws SQLException {
    try {
      for (int i = 0; i < n; i++) {
        int rc = (int) BIND_LONG.invokeExact(db, handle, i + 1, values[i]);
        if (rc != SQLITE_OK) {
          db.throwex(rc);
        }
      }
    } catch (SQLException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    int rc = db.step(handle);
    db.reset(handle);
    if (rc != SQLITE_DONE) {
      db.throwex(rc);
    }
  }

  private static MethodHandle bindLong() {
    try {
      return MethodHandles.privateLookupIn(DB.class, MethodHandles.lookup()).findVirtual(
          DB.class, "bind_long", MethodType.methodType(int.class, long.class, int.class,
              long.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
