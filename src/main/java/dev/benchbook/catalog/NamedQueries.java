package dev.benchbook.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The named queries shipped in {@code src/main/resources/queries/} (one {@code .sql} file
 * each), or a user's own {@code .sql} file given by path.
 */
public final class NamedQueries {

  /** The shipped queries, in listing order; each is {@code queries/<name>.sql}. */
  public static final List<String> NAMES = List.of("p95-trend", "best-strategy",
      "worker-share", "starvation", "sync-or-hold", "p95-from-rows", "runs");

  private NamedQueries() {
  }

  /** Every shipped query. */
  public static List<NamedQuery> all() {
    List<NamedQuery> out = new ArrayList<>();
    for (String name : NAMES) {
      out.add(get(name));
    }
    return out;
  }

  /**
   * A shipped query by name, or a query file by path when {@code nameOrFile} ends in
   * {@code .sql}; fails listing the shipped names.
   */
  public static NamedQuery get(String nameOrFile) {
    if (nameOrFile.endsWith(".sql")) {
      Path file = Path.of(nameOrFile);
      try {
        String name = file.getFileName().toString();
        return NamedQuery.parse(name.substring(0, name.length() - 4), Files.readString(file));
      } catch (IOException e) {
        throw new QueryParameterException("cannot read the query file " + file + ": "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
      }
    }
    if (!NAMES.contains(nameOrFile)) {
      String near = Names.nearest(nameOrFile, NAMES).map(n -> "; did you mean " + n + "?")
          .orElse("");
      throw new QueryParameterException("no named query '" + nameOrFile + "'; named queries: "
          + String.join(", ", NAMES) + " (or a path to a .sql file)" + near);
    }
    try (InputStream in = NamedQueries.class.getResourceAsStream("/queries/" + nameOrFile
        + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("queries/" + nameOrFile + ".sql is missing from the build");
      }
      return NamedQuery.parse(nameOrFile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read queries/" + nameOrFile + ".sql", e);
    }
  }
}
