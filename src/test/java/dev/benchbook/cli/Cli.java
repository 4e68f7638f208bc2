package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helper: runs the CLI in-process and captures its exit code, stdout and stderr. */
public final class Cli {

  /** Flags that keep a measuring command small and quiet. */
  public static final List<String> SMALL = List.of("--profile", "zero", "--no-warmup", "-q");

  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b\\w+(Exception|Error)\\b");

  private Cli() {
  }

  /** What one CLI invocation gave. */
  public record Result(int code, String out, String err) {

    /** The first stderr line, or "" when stderr is empty. */
    public String firstErrLine() {
      return err.lines().findFirst().orElse("");
    }

    /** Stderr lines. */
    public List<String> errLines() {
      return err.lines().collect(Collectors.toList());
    }

    /** Describes the invocation for assertion messages. */
    public String describe() {
      return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }

    /** Asserts the exit code, showing stdout and stderr when it differs. */
    public Result assertCode(int expected) {
      assertEquals(expected, code, this::describe);
      return this;
    }

    /** Asserts that stderr holds no stack trace and no exception class name. */
    public Result assertNoStackTrace() {
      assertFalse(err.contains("\tat "), () -> "stack trace in stderr:\n" + err);
      assertFalse(EXCEPTION_NAME.matcher(err).find(),
          () -> "exception class name in stderr:\n" + err);
      return this;
    }

    /** Asserts exactly one {@code benchbook:} line on stderr (no usage) containing every part. */
    public Result assertOneErrorLine(String... parts) {
      List<String> lines = errLines();
      assertEquals(1, lines.size(), () -> "expected one stderr line, no usage:\n" + err);
      assertEquals(1, lines.stream().filter(l -> l.startsWith("benchbook: ")).count(),
          () -> "expected one benchbook: line:\n" + err);
      assertTrue(lines.get(0).startsWith("benchbook: "), lines.get(0));
      for (String p : parts) {
        assertTrue(lines.get(0).contains(p), () -> "'" + p + "' not in: " + lines.get(0));
      }
      return this;
    }
  }

  /** Runs {@code benchbook args...} in this JVM. */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.execute(o, e, args);
    }
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs {@code benchbook command} with the {@link #SMALL} flags, then {@code args...}. */
  public static Result small(String command, String... args) {
    Stream<String> all = Stream.concat(Stream.concat(Stream.of(command), SMALL.stream()),
        Stream.of(args));
    return run(all.toArray(String[]::new));
  }

  /** The file names in a folder, sorted; empty when the folder does not exist. */
  public static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /** The only file in {@code dir} whose name ends with {@code suffix}; fails otherwise. */
  public static Path only(Path dir, String suffix) throws IOException {
    List<String> matching = names(dir).stream().filter(n -> n.endsWith(suffix))
        .collect(Collectors.toList());
    assertEquals(1, matching.size(), () -> "expected one *" + suffix + " in " + dir + ": "
        + matching);
    return dir.resolve(matching.get(0));
  }
}
