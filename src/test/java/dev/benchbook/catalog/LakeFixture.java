package dev.benchbook.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: one lake of the shared catalog (CatalogFixture), and queries on it. */
final class LakeFixture {

  private static Path shared;

  private LakeFixture() {
  }

  /** The lake of the shared catalog, written once per test JVM. */
  static synchronized Path sharedLake() {
    if (shared == null) {
      try {
        Path lake = Files.createTempDirectory("benchbook-lake-shared").resolve("lake");
        Lake.export(CatalogFixture.sharedCatalog(), CatalogFixture.sharedDataDir(), lake,
            ImportProgress.NONE);
        shared = lake;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** A query on a lake that must leave no file out. */
  static QueryResult duck(Path lake, String sql, Map<String, String> params) {
    List<String> warnings = new ArrayList<>();
    QueryResult r = Lake.query(lake, sql, params, warnings);
    if (!warnings.isEmpty()) {
      throw new AssertionError("files left out: " + warnings);
    }
    return r;
  }

  /** The single number a query returns. */
  static long count(Path lake, String sql) {
    return ((Number) duck(lake, sql, Map.of()).value(0, 0)).longValue();
  }
}
