package dev.benchbook.api;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadReport;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.Problem;
import dev.benchbook.results.ResultsFormatException;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loading results files for the facade: paths, raw rows on demand, config lookup. */
final class Loads {

  /** How many parent folders of the working directory a relative path is looked up in. */
  static final int PARENT_LEVELS = 2;

  private Loads() {
  }

  /** The path as given when it exists, else the first parent of the working dir holding it. */
  static Path path(String given) {
    Path p = Path.of(given);
    if (p.isAbsolute() || Files.exists(p)) {
      return p;
    }
    Path dir = Path.of("").toAbsolutePath().getParent();
    for (int i = 0; i < PARENT_LEVELS && dir != null; i++, dir = dir.getParent()) {
      if (Files.exists(dir.resolve(given))) {
        return dir.resolve(given);
      }
    }
    return p;
  }

  /** One validated file, with its raw rows when its rows file exists. */
  static LoadedRun load(String file) {
    Path p = path(file);
    if (Files.isDirectory(p)) {
      throw new IllegalArgumentException(p + " is a folder; use Benchbook.loadAll(\"" + file
          + "\") for every results file under it");
    }
    if (!Files.exists(p)) {
      throw new ResultsFormatException(new Problem(p, "", "no such file" + nearMatch(p)));
    }
    LoadedRun run = withRows(ResultsReader.read(p));
    Inputs.read(run);
    return run;
  }

  /**
   * {@code ; a file of that name is data/x/f.json} when a file with the same name exists
   * elsewhere under the workspace's {@code data/} folder, else empty.
   */
  static String nearMatch(Path missing) {
    Path data = path("data");
    if (missing.getFileName() == null || !Files.isDirectory(data)) {
      return "";
    }
    String name = missing.getFileName().toString();
    try (Stream<Path> files = Files.walk(data, 4)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).sorted()
          .toList();
      return found.isEmpty() ? "" : "; a file of that name is " + found.stream()
          .map(Path::toString).collect(Collectors.joining(" and "));
    } catch (IOException e) {
      return "";
    }
  }

  /** Every good results file under a folder; bad files are reported on {@code err}. */
  static List<LoadedRun> loadAll(String folder, PrintStream err) {
    Path dir = existingFolder(folder);
    LoadReport report = ResultsReader.load(dir);
    if (!report.ok()) {
      report.problemLines().forEach(err::println);
      err.println("benchbook: skipped " + report.badFiles().size() + " bad file(s) under " + dir
          + "; loaded " + report.runs().size());
    }
    report.runs().forEach(Inputs::read);
    return report.runs();
  }

  /** The newest loadable file of a kind under a folder, by the timestamp in its name. */
  static Optional<LoadedRun> newest(String folder, String kind) {
    Path dir = path(folder);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> files = resultFiles(dir);
    files.sort(Collections.reverseOrder((a, b) -> a.getFileName().compareTo(b.getFileName())));
    for (Path f : files) {
      LoadReport one = ResultsReader.load(f);
      if (one.ok() && one.runs().get(0).run().kind().equals(kind)) {
        LoadedRun run = withRows(one.runs().get(0));
        Inputs.read(run);
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  /** The run with its raw rows loaded when its rows file exists; else the run as it is. */
  static LoadedRun withRows(LoadedRun run) {
    return dev.benchbook.analysis.Fairness.fill(run.withRowsIfPresent());
  }

  /** The run with its raw rows; fails naming the file when it has none. */
  static LoadedRun requireRows(LoadedRun run) {
    LoadedRun loaded = withRows(run);
    if (loaded.rows().isEmpty()) {
      throw new IllegalArgumentException(run.path().getFileName() + " has no raw rows"
          + (run.run().reconstructed() ? " (reconstructed from a published summary)" : "")
          + "; tables and charts of rows need a run measured by benchbook");
    }
    return loaded;
  }

  /** A config by id; fails naming the file and the ids it holds. */
  static ConfigResult config(LoadedRun run, String id) {
    return run.run().config(id).orElseThrow(() -> new IllegalArgumentException("no config '"
        + id + "' in " + run.path().getFileName() + "; configs: " + ids(run.run())));
  }

  /** The config ids of a file, comma separated. */
  static String ids(RunFile f) {
    return f.allConfigs().stream().map(ConfigResult::id).collect(Collectors.joining(", "));
  }

  private static Path existingFolder(String folder) {
    Path dir = path(folder);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such folder: " + dir.toAbsolutePath());
    }
    return dir;
  }

  private static List<Path> resultFiles(Path dir) {
    try {
      return new ArrayList<>(ResultsReader.resultFiles(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
