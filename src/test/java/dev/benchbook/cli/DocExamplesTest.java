package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.notebook.CellOutcome;
import dev.benchbook.notebook.CellListener;
import dev.benchbook.notebook.DisplayData;
import dev.benchbook.notebook.Completeness;
import dev.benchbook.notebook.Evaluator;
import dev.benchbook.notebook.EvaluatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./benchbook} command, every Java one-liner and every SQL statement in README.md
 * and docs/*.md runs against the committed data, so an example that goes stale fails the build.
 * Commands that would write into the repository write into a temp folder instead; commands that
 * measure run with tiny sizes; what cannot run here is listed in {@link #SKIPPED} with the
 * reason, and an entry that no longer matches a documented command fails too.
 */
class DocExamplesTest {

  /** Documented commands (by their start) that this test does not run, and why. */
  static final Map<String, String> SKIPPED = new LinkedHashMap<>();

  static {
    SKIPPED.put("./benchbook phase", "the whole phase (minutes); PhaseCommandTest runs it small");
    SKIPPED.put("./benchbook shell", "interactive: needs a terminal (scripts are run: shell X.jsh)");
    SKIPPED.put("./benchbook report --all", "rewrites reports/; ReportsUpToDateTest checks that "
        + "the committed reports are what it writes");
    SKIPPED.put("./benchbook notebook run --all", "NotebooksTest runs every notebook and checks "
        + "the committed outputs");
    SKIPPED.put("./benchbook calibrate", "A/A trials of 20 pairs (minutes); ForksAndCalibrateTest "
        + "runs calibrate small");
    SKIPPED.put("./benchbook compare ci/baseline/", "needs the CI baseline the section tells the "
        + "reader to make on the CI machine; GateCommandTest runs the gate");
    SKIPPED.put("./benchbook kernel install", "writes a kernelspec into the user's Jupyter "
        + "folder; KernelCommandTest installs under a temp prefix");
    SKIPPED.put("./benchbook notebook run docs/perf/trivial-cells.ipynb", "PERFORMANCE.md's "
        + "per-cell timing measurement (many trivial cells); the other notebook commands run");
    SKIPPED.put("./benchbook query --engine duckdb --lake /shared/lake", "a lake folder on the "
        + "reader's machine; LakeCommandTest and BenchbookLakeQueryTest query a lake");
    SKIPPED.put("./benchbook query --data-dir /tmp/cat-1m", "PERFORMANCE.md's 1M-row "
        + "benchmark data, made by a bench tool (CatalogBenchData)");
  }

  /** Java blocks (by a text in their first line) that this test does not run, and why. */
  static final Map<String, String> SKIPPED_JAVA = Map.of(
      "Benchbook.phase(", "a whole phase (about 3 minutes, the small one a minute); PhaseTest "
          + "runs Benchbook.phase small",
      "new MyWorkload()", "the reader's own Workload class, described in the prose; "
          + "runtime/CustomWorkloadTest runs a Java workload in the loop");

  /** The other programs the docs show, and why they are not run here. */
  static final Map<String, String> OTHER_TOOLS = Map.of(
      "mvn", "the build itself (this test runs inside it)",
      "java", "benchmark harness (JMH and bench mains in test code): figures are measured",
      "/usr/bin/time", "timed measurements whose figures PERFORMANCE.md quotes",
      "farm-bench", "timed A/B measurements",
      "jupyter", "needs a Jupyter install; JupyterKernelIT runs the kernel under Jupyter",
      "/usr/bin/jupyter", "needs a Jupyter install; JupyterKernelIT runs the kernel under Jupyter",
      "sudo", "installs Debian packages",
      "jshell", "the JDK's jshell on a built jar; NotebooksTest checks the scripts and startup",
      "/usr/bin/python3", "a Python reference measurement");

  /** Measuring subcommands: run tiny, into a temp data folder, without reports. */
  static final Set<String> MEASURING = Set.of("run", "mitigate", "sweep");

  static final Pattern PLACEHOLDER = Pattern.compile("\\[|\\||\\.\\.\\.|\\$|\\bNB\\.ipynb\\b"
      + "|\\bFILE\\b|\\bOUT\\b");

  private static final List<Path> DOCS = docs();
  private static final CellListener QUIET = new CellListener() {
    @Override
    public void stdout(String text) {
    }

    @Override
    public void stderr(String text) {
    }

    @Override
    public void display(DisplayData data) {
    }
  };
  private static final List<Snippet> SNIPPETS = new ArrayList<>();

  /** One example: where it is, what kind (command, java, sql), its text. */
  record Snippet(String where, String kind, String text) {
  }

  @BeforeAll
  static void extract() throws IOException {
    for (Path doc : DOCS) {
      SNIPPETS.addAll(Extract.of(doc.toString(), Files.readAllLines(doc)));
    }
  }

  @Test
  void everyDocumentedBenchbookCommandRuns(@TempDir Path tmp) {
    List<String> failures = new ArrayList<>();
    Set<String> usedSkips = new LinkedHashSet<>();
    Set<String> ran = new LinkedHashSet<>();
    int n = 0;
    for (Snippet s : SNIPPETS) {
      if (!s.kind().equals("command")) {
        continue;
      }
      Optional<String> skip = skipReason(s.text());
      if (skip.isPresent()) {
        SKIPPED.keySet().stream().filter(s.text()::startsWith).forEach(usedSkips::add);
        continue;
      }
      List<String> args = Commands.runnable(Commands.words(s.text()), tmp.resolve("c" + n++));
      if (!ran.add(Commands.identity(args, tmp))) {
        continue; // the same command (or notebook) ran already
      }
      Optional<Cli.Result> done = Commands.runWithin(args, 120);
      if (done.isEmpty()) {
        failures.add(s.where() + ": " + s.text() + "\n  did not end within 120 s (interactive? "
            + "then list it in SKIPPED with the reason)");
        continue;
      }
      Cli.Result r = done.get();
      if (r.code() != 0) {
        failures.add(s.where() + ": " + s.text() + "\n  ran: " + args + "\n  exit " + r.code()
            + ": " + r.err().lines().limit(3).toList());
      }
    }
    assertEquals(List.of(), failures, "documented commands that fail");
    assertTrue(ran.size() >= 15, "too few commands found: " + ran);
    Set<String> stale = new LinkedHashSet<>(SKIPPED.keySet());
    stale.removeAll(usedSkips);
    assertEquals(Set.of(), stale, "skip entries that match no documented command");
  }

  @Test
  void everyJavaOneLinerOfTheDocsRunsInOneSession(@TempDir Path tmp) {
    List<String> failures = new ArrayList<>();
    int statements = 0;
    Set<String> usedSkips = new LinkedHashSet<>();
    try (Evaluator eval = Evaluator.start(EvaluatorOptions.defaults()
        .withCellTimeout(Duration.ofMinutes(1)))) {
      for (Snippet s : SNIPPETS) {
        if (!s.kind().equals("java")) {
          continue;
        }
        String firstLine = s.text().lines().findFirst().orElse("");
        Optional<String> skip = SKIPPED_JAVA.keySet().stream().filter(firstLine::contains)
            .findFirst();
        if (skip.isPresent()) {
          usedSkips.add(skip.get());
          continue;
        }
        for (String statement : Statements.split(eval, s.text())) {
          statements++;
          String code = Statements.sandboxed(statement, tmp);
          CellOutcome out = eval.execute(code, QUIET);
          out.error().ifPresent(e -> failures.add(s.where() + ": " + statement.strip()
              + "\n  " + e.summary()));
        }
      }
    }
    assertEquals(List.of(), failures, "documented one-liners that fail");
    assertEquals(SKIPPED_JAVA.keySet(), usedSkips, "skip entries that match no documented block");
    assertTrue(statements >= 30, "too few one-liners found: " + statements);
  }

  @Test
  void everySqlStatementOfTheDocsRunsOnTheCommittedData() {
    List<String> failures = new ArrayList<>();
    int queries = 0;
    for (Snippet s : SNIPPETS) {
      if (!s.kind().equals("sql") || s.text().contains("CREATE TABLE")) {
        continue; // the schema: QueryCommandTest checks the documented copy is the shipped one
      }
      if (s.text().contains("read_parquet(")) {
        continue; // DuckDB SQL over the lake's Parquet files: LakeDocsTest runs those
      }
      queries++;
      Cli.Result r = Cli.run("query", "--format", "csv", "--", s.text().strip());
      if (r.code() != 0 || r.out().lines().count() < 2) {
        failures.add(s.where() + ": exit " + r.code() + ", " + r.out().lines().count()
            + " lines: " + r.err());
      }
    }
    assertEquals(List.of(), failures, "documented SQL that fails or answers nothing");
    assertTrue(queries >= 5, "too few SQL statements found: " + queries);
  }

  @Test
  void theExtractorSeesCommandsJavaAndSqlAndSkipsProse() {
    List<Snippet> got = Extract.of("x.md", List.of(
        "Text `./benchbook inline` is prose.",
        "",
        "    ./benchbook query --list        # a comment",
        "    ./benchbook run --files 400 \\",
        "        --data-dir ci-run",
        "",
        "    var run = Benchbook.load(\"a.json\");   // load",
        "    Benchbook.compare(run,",
        "        \"x\", \"y\");",
        "",
        "```sql",
        "SELECT 1",
        "```"));
    assertEquals(List.of(
        new Snippet("x.md:3", "command", "./benchbook query --list"),
        new Snippet("x.md:4", "command", "./benchbook run --files 400 --data-dir ci-run"),
        new Snippet("x.md:7", "java", "var run = Benchbook.load(\"a.json\");   // load\n"
            + "Benchbook.compare(run,\n    \"x\", \"y\");\n"),
        new Snippet("x.md:11", "sql", "SELECT 1\n")), got);
    assertEquals(List.of("run", "--files", "8", "--data-dir", "T", "--reps", "1", "--forks", "1",
        "--duration", "2s", "--no-warmup", "--no-report", "-q"),
        Commands.runnable(Commands.words("./benchbook run --files 400 --data-dir ci-run"),
            Path.of("T")));
    assertEquals(List.of("query", "--format", "csv", "SELECT 'a b' # x"),
        Commands.words("./benchbook query --format csv \"SELECT 'a b' # x\""));
  }

  private static Optional<String> skipReason(String command) {
    for (Map.Entry<String, String> e : SKIPPED.entrySet()) {
      if (command.equals(e.getKey()) || command.startsWith(e.getKey() + " ")
          || e.getKey().endsWith("/") && command.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    if (PLACEHOLDER.matcher(command).find()) {
      return Optional.of("a syntax summary with placeholders, not a command");
    }
    return Optional.empty();
  }

  private static List<Path> docs() {
    List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Finds the examples in a Markdown file. */
  static final class Extract {

    private Extract() {
    }

    static List<Snippet> of(String file, List<String> lines) {
      List<Snippet> out = new ArrayList<>();
      int i = 0;
      while (i < lines.size()) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          int end = i + 1;
          StringBuilder body = new StringBuilder();
          while (end < lines.size() && !lines.get(end).startsWith("```")) {
            body.append(lines.get(end)).append('\n');
            end++;
          }
          if (line.strip().equals("```sql")) {
            out.add(new Snippet(file + ":" + (i + 1), "sql", body.toString()));
          }
          i = end + 1;
          continue;
        }
        if (indented(line) && line.strip().startsWith("./benchbook ")) {
          StringBuilder cmd = new StringBuilder(withoutComment(line.strip()));
          int start = i;
          while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
            cmd.setLength(cmd.length() - 1);
            cmd.append(' ').append(withoutComment(lines.get(++i).strip()));
          }
          out.add(new Snippet(file + ":" + (start + 1), "command",
              cmd.toString().replaceAll("\\s+", " ").strip()));
          i++;
          continue;
        }
        if (indented(line) && (i == 0 || lines.get(i - 1).isBlank())) {
          int end = i;
          StringBuilder body = new StringBuilder();
          while (end < lines.size() && (indented(lines.get(end)))) {
            body.append(lines.get(end).substring(4)).append('\n');
            end++;
          }
          if (body.toString().contains("Benchbook.")
              && !body.toString().strip().startsWith("./benchbook")) {
            out.add(new Snippet(file + ":" + (i + 1), "java", body.toString()));
            i = end;
            continue;
          }
        }
        i++;
      }
      return out;
    }

    private static boolean indented(String line) {
      return line.startsWith("    ") && !line.isBlank();
    }

    /** The line without a trailing shell comment (a {@code #} after a space, outside quotes). */
    static String withoutComment(String line) {
      boolean single = false;
      boolean dbl = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'' && !dbl) {
          single = !single;
        } else if (c == '"' && !single) {
          dbl = !dbl;
        } else if (c == '#' && !single && !dbl && i > 0 && line.charAt(i - 1) == ' ') {
          return line.substring(0, i).strip();
        }
      }
      return line;
    }
  }

  /** Turns a documented command into arguments that are safe and quick to run here. */
  static final class Commands {

    private Commands() {
    }

    /** Shell words of {@code ./benchbook ...} without the program, quotes removed. */
    static List<String> words(String command) {
      List<String> out = new ArrayList<>();
      Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
      while (m.find()) {
        out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
      }
      return out.subList(1, out.size());
    }

    /**
     * The arguments to run: measuring commands get tiny sizes, a temp data folder and no report;
     * {@code notebook run} writes its output notebook into a temp folder.
     */
    static List<String> runnable(List<String> args, Path tmp) {
      List<String> out = new ArrayList<>(args);
      if (!out.isEmpty() && MEASURING.contains(out.get(0))) {
        cap(out, "--files", 8);
        cap(out, "--reps", 1);
        cap(out, "--forks", 1);
        capList(out, "--concurrency", 4);
        int vary = out.indexOf("--vary");
        if (vary >= 0) {
          String[] kv = out.get(vary + 1).split("=", 2);
          String[] values = kv[1].split(",");
          out.set(vary + 1, kv[0] + "=" + values[0] + "," + values[1]);
        }
        replaceOrAdd(out, "--data-dir", tmp.toString());
        replaceOrAdd(out, "--duration", "2s");
        addFlag(out, "--no-warmup");
        addFlag(out, "--no-report");
        addFlag(out, "-q");
      }
      if (out.size() >= 2 && out.get(0).equals("notebook") && out.get(1).equals("run")) {
        String name = out.stream().filter(a -> a.endsWith(".ipynb")).findFirst()
            .map(a -> Path.of(a).getFileName().toString()).orElse("out.ipynb");
        replaceOrAdd(out, "-o", tmp.resolve(name).toString());
        addFlag(out, "-q");
      }
      return out;
    }

    /** Runs the CLI in-process on a daemon thread; empty when it has not ended in time. */
    static Optional<Cli.Result> runWithin(List<String> args, int seconds) {
      java.util.concurrent.ExecutorService one = java.util.concurrent.Executors
          .newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "doc-command");
            t.setDaemon(true);
            return t;
          });
      try {
        return Optional.of(one.submit(() -> Cli.run(args.toArray(String[]::new)))
            .get(seconds, java.util.concurrent.TimeUnit.SECONDS));
      } catch (java.util.concurrent.TimeoutException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("the CLI threw for " + args, e.getCause());
      } finally {
        one.shutdownNow();
      }
    }

    /**
     * What makes two commands the same run here: their arguments, without where the output
     * goes ({@code -o}, {@code --data-dir}) and {@code -q}.
     */
    static String identity(List<String> args, Path tmp) {
      List<String> key = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("-o") || args.get(i).equals("--data-dir")) {
          i++;
        } else if (!args.get(i).equals("-q")) {
          key.add(args.get(i));
        }
      }
      return String.join(" ", key);
    }

    /** Caps every value of a comma list such as {@code --concurrency 1,10} (duplicates dropped). */
    private static void capList(List<String> args, String flag, int max) {
      int i = args.indexOf(flag);
      if (i >= 0 && i + 1 < args.size() && args.get(i + 1).matches("\\d+(,\\d+)*")) {
        args.set(i + 1, java.util.Arrays.stream(args.get(i + 1).split(","))
            .map(v -> Integer.toString(Math.min(max, Integer.parseInt(v)))).distinct()
            .collect(java.util.stream.Collectors.joining(",")));
      }
    }

    /** Caps the flag's number at {@code max}, adding the flag at {@code max} when absent. */
    private static void cap(List<String> args, String flag, int max) {
      int i = args.indexOf(flag);
      if (i < 0) {
        args.add(flag);
        args.add(Integer.toString(max));
      } else if (i + 1 < args.size() && args.get(i + 1).matches("\\d+")
          && Integer.parseInt(args.get(i + 1)) > max) {
        args.set(i + 1, Integer.toString(max));
      }
    }

    private static void replaceOrAdd(List<String> args, String flag, String value) {
      int i = args.indexOf(flag);
      if (i >= 0 && i + 1 < args.size()) {
        args.set(i + 1, value);
      } else {
        args.add(flag);
        args.add(value);
      }
    }

    private static void addFlag(List<String> args, String flag) {
      if (!args.contains(flag)) {
        args.add(flag);
      }
    }
  }

  /** Splits a Java block into the statements a reader would type one by one. */
  static final class Statements {

    private Statements() {
    }

    static List<String> split(Evaluator eval, String block) {
      List<String> out = new ArrayList<>();
      String[] lines = block.split("\n");
      StringBuilder current = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        current.append(lines[i]).append('\n');
        boolean continued = i + 1 < lines.length && lines[i + 1].strip().startsWith(".");
        if (!continued && eval.isComplete(current.toString()).status()
            == Completeness.Status.COMPLETE) {
          out.add(current.toString());
          current.setLength(0);
        }
      }
      if (!current.toString().isBlank()) {
        out.add(current.toString());
      }
      return out;
    }

    /** The statement with paths that would write into the repository moved to {@code tmp}. */
    static String sandboxed(String statement, Path tmp) {
      return statement
          .replace("Benchbook.write(m, \"data\")",
              "Benchbook.write(m, \"" + tmp.resolve("data") + "\")")
          .replace("\"reports/scratch\"", "\"" + tmp.resolve("scratch") + "\"")
          .replaceAll("\\.files\\((\\d{3,})\\)", ".files(16)")
          .replaceAll("\\.reps\\((\\d+)\\)", ".reps(1)");
    }
  }
}
