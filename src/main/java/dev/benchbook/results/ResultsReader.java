package dev.benchbook.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates results files: one file, or every {@code results-*.json} under a folder.
 *
 * <p>A file is parsed to a Jackson tree, validated field by field (see docs/RESULTS-FORMAT.md),
 * then bound to a {@link RunFile}. Every problem is one line naming the file, the JSON path (or
 * line and column), what was expected and what was found.
 */
public final class ResultsReader {

  /** How much of the raw-rows file to read while loading. */
  public enum RowsMode {
    /** Check that a raw-rows file the JSON names exists; load rows later on request. */
    CHECK_PRESENT,
    /** Load the raw rows and check the committed rows per config against the JSON. */
    LOAD
  }

  private static final ObjectReader TREE = Json.MAPPER.reader()
      .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

  private ResultsReader() {
  }

  /** Reads one file, checking that its raw-rows file exists; fails with every problem. */
  public static LoadedRun read(Path file) {
    return read(file, RowsMode.CHECK_PRESENT);
  }

  /** Reads one file; fails with one line per problem. */
  public static LoadedRun read(Path file, RowsMode mode) {
    LoadReport report = readOne(file, mode);
    return report.runsOrThrow().get(0);
  }

  /** Loads a file, or every {@code results-*.json} under a folder, reporting bad files. */
  public static LoadReport load(Path fileOrFolder) {
    return load(fileOrFolder, RowsMode.CHECK_PRESENT);
  }

  /** Loads a file, or every {@code results-*.json} under a folder (recursively, path order). */
  public static LoadReport load(Path fileOrFolder, RowsMode mode) {
    if (!Files.isDirectory(fileOrFolder)) {
      return readOne(fileOrFolder, mode);
    }
    LoadReport report = new LoadReport(List.of(), List.of());
    try {
      for (Path file : resultFiles(fileOrFolder)) {
        report = report.plus(readOne(file, mode));
      }
    } catch (IOException e) {
      report = report.plus(failed(fileOrFolder, "", "cannot list the folder: " + describe(e)));
    }
    return report;
  }

  /** Every {@code results-*.json} under a folder, recursively, sorted by path. */
  public static List<Path> resultFiles(Path folder) throws IOException {
    return ResultFiles.under(folder);
  }

  private static LoadReport readOne(Path file, RowsMode mode) {
    try {
      JsonNode root = parse(file);
      List<Problem> problems = RunFileValidator.validate(file, root);
      if (!problems.isEmpty()) {
        return new LoadReport(List.of(), problems);
      }
      RunFile run = RunFileBinder.bind(file, root);
      LoadedRun loaded = new LoadedRun(file, run, Optional.empty());
      return new LoadReport(List.of(rows(loaded, mode)), List.of());
    } catch (ResultsFormatException e) {
      return new LoadReport(List.of(), e.problems());
    }
  }

  private static JsonNode parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ResultsFormatException(new Problem(file, "", "cannot read the file: "
          + describe(e)));
    }
    try {
      JsonNode root = TREE.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw new ResultsFormatException(new Problem(file, "",
            "expected a JSON object, found an empty file"));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ResultsFormatException(new Problem(file, JsonErrors.where(e),
          JsonErrors.what(e)));
    } catch (IOException e) {
      throw new ResultsFormatException(new Problem(file, "", "cannot read the file: "
          + describe(e)));
    }
  }

  private static LoadedRun rows(LoadedRun loaded, RowsMode mode) {
    Optional<Path> rowsPath = loaded.rowsPath();
    if (rowsPath.isEmpty()) {
      return loaded;
    }
    Path rowsFile = rowsPath.get();
    if (!Files.isRegularFile(rowsFile)) {
      throw new ResultsFormatException(new Problem(loaded.path(), "$.rows_file",
          "expected the raw-rows file " + rowsFile.getFileName() + " beside this file, "
          + "found no such file"));
    }
    if (mode == RowsMode.CHECK_PRESENT) {
      return loaded;
    }
    RawRows rows;
    try {
      rows = RowsCsv.read(rowsFile);
    } catch (IOException e) {
      throw new ResultsFormatException(new Problem(rowsFile, "", "cannot read the file: "
          + describe(e)));
    }
    List<Problem> problems = RowsMatch.check(loaded, rowsFile, rows);
    if (!problems.isEmpty()) {
      throw new ResultsFormatException(problems);
    }
    return new LoadedRun(loaded.path(), loaded.run(), Optional.of(rows));
  }

  private static LoadReport failed(Path file, String where, String message) {
    return new LoadReport(List.of(), List.of(new Problem(file, where, message)));
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String type = e.getClass().getSimpleName();
    String msg = e.getMessage();
    return msg == null ? type : type + " (" + msg + ")";
  }

  /** Checks raw rows against their JSON: committed rows per config equal its transitions. */
  static final class RowsMatch {

    private RowsMatch() {
    }

    static List<Problem> check(LoadedRun loaded, Path rowsFile, RawRows rows) {
      long[] committed = committedPerConfig(rows);
      List<Problem> problems = new ArrayList<>();
      Map<String, String> paths = configPaths(loaded.run());
      for (int code = 0; code < committed.length; code++) {
        String id = rows.configIds().get(code);
        if (committed[code] > 0 && !paths.containsKey(id)) {
          problems.add(new Problem(rowsFile, "", "expected only rows of the configs in "
              + loaded.path().getFileName() + ", found rows of config \"" + id + "\""));
        }
      }
      for (ConfigResult c : loaded.run().allConfigs()) {
        int code = rows.configIds().indexOf(c.id());
        long found = code < 0 ? 0 : committed[code];
        if (found != c.transitions()) {
          problems.add(new Problem(loaded.path(), paths.get(c.id()) + ".transitions",
              "expected " + found + " (the committed rows of config " + c.id() + " in "
              + rowsFile.getFileName() + "), found " + c.transitions()));
        }
      }
      return problems;
    }

    private static long[] committedPerConfig(RawRows rows) {
      long[] counts = new long[rows.configIds().size()];
      byte committed = (byte) Outcome.COMMITTED.ordinal();
      int[] config = rows.config();
      byte[] outcome = rows.outcome();
      for (int i = 0; i < rows.size(); i++) {
        if (outcome[i] == committed) {
          counts[config[i]]++;
        }
      }
      return counts;
    }

    /** JSON path of every config by id, e.g. {@code $.configs[2]} or {@code $.baseline}. */
    static Map<String, String> configPaths(RunFile run) {
      Map<String, String> paths = new LinkedHashMap<>();
      for (int i = 0; i < run.configs().size(); i++) {
        paths.put(run.configs().get(i).id(), "$.configs[" + i + "]");
      }
      run.baseline().ifPresent(c -> paths.put(c.id(), "$.baseline"));
      run.mitigationRun().ifPresent(c -> paths.put(c.id(), "$.mitigation_run"));
      for (int i = 0; i < run.mitigationRuns().size(); i++) {
        paths.put(run.mitigationRuns().get(i).id(), "$.mitigation_runs[" + i + "]");
      }
      return paths;
    }
  }
}
