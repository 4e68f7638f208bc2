package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad flags: exit 2, one {@code benchbook:} line naming the flag or value, nothing written. */
class BadFlagsTest {

  @TempDir
  Path data;

  static Stream<Arguments> badRunFlags() {
    return Stream.of(
        Arguments.of(List.of("--bogus"), List.of("--bogus")),
        Arguments.of(List.of("--concurrency", "0"), List.of("--concurrency", "0")),
        Arguments.of(List.of("--concurrency", "x"), List.of("--concurrency", "'x'")),
        Arguments.of(List.of("--profile", "warp"), List.of("'warp'")),
        Arguments.of(List.of("--synchronous", "OFF"), List.of("--synchronous", "OFF")),
        Arguments.of(List.of("--reps", "-1"), List.of("--reps", "-1")),
        Arguments.of(List.of("--reps", "0"), List.of("--reps", "0")),
        Arguments.of(List.of("--duration", "abc"), List.of("--duration", "'abc'")),
        Arguments.of(List.of("--duration", "0s"), List.of("duration", "'0s'")),
        Arguments.of(List.of("--hold-ms", "-3"), List.of("--hold-ms", "-3")),
        Arguments.of(List.of("--strategy", "nope"), List.of("'nope'")));
  }

  @ParameterizedTest(name = "run {0}")
  @MethodSource("badRunFlags")
  void runRefusesBadFlags(List<String> flags, List<String> named) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--files", "10", "--no-warmup", "-q",
        "--data-dir", data.resolve("out").toString()));
    args.addAll(flags);
    assertRefused(Cli.run(args.toArray(String[]::new)), named);
  }

  static Stream<Arguments> badOtherFlags() {
    return Stream.of(
        Arguments.of(List.of("mitigate", "--strategy", "magic"), List.of("--strategy", "'magic'")),
        Arguments.of(List.of("mitigate", "--concurrency", "0"), List.of("--concurrency", "0")),
        Arguments.of(List.of("sweep", "--vary", "colour=1,2"), List.of("--vary", "'colour'")),
        Arguments.of(List.of("sweep", "--vary", "concurrency=1,two"), List.of("'two'")),
        Arguments.of(List.of("sweep"), List.of("--vary")),
        Arguments.of(List.of("compare"), List.of("FILE")),
        Arguments.of(List.of("compare", "x.json", "--format", "xml"), List.of("--format", "xml")),
        Arguments.of(List.of("nosuchcommand"), List.of("nosuchcommand")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOtherFlags")
  void otherCommandsRefuseBadFlags(List<String> command, List<String> named) throws Exception {
    List<String> args = new ArrayList<>(command);
    if (!command.get(0).equals("compare") && !command.get(0).equals("nosuchcommand")) {
      args.addAll(List.of("--files", "10", "--no-warmup", "-q", "--data-dir",
          data.resolve("out").toString()));
    }
    assertRefused(Cli.run(args.toArray(String[]::new)), named);
  }

  @Test
  void helpIsNotAnError() {
    Cli.Result r = Cli.run("run", "--help").assertCode(ExitCode.OK);
    assertTrue(r.out().contains("--concurrency"), r::describe);
    assertEquals("", r.err());
  }

  private void assertRefused(Cli.Result r, List<String> named) throws Exception {
    r.assertCode(ExitCode.USAGE).assertNoStackTrace();
    String first = r.firstErrLine();
    assertTrue(first.startsWith("benchbook: "), r::describe);
    for (String n : named) {
      assertTrue(first.contains(n), () -> "'" + n + "' not named in: " + first);
    }
    assertEquals("", r.out(), "nothing on stdout");
    assertEquals(List.of(), Cli.names(data), "nothing written to the data dir");
  }
}
