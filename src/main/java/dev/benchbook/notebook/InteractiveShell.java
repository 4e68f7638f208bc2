package dev.benchbook.notebook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The interactive {@code benchbook shell}: the JDK's jshell tool in this JVM with benchbook's
 * class path, the notebook imports, the {@link ShellDisplay} engine (values render as in a
 * notebook) and a feedback mode {@code benchbook} that shows a value whole (jshell's normal
 * mode cuts values at 1,000 characters).
 */
public final class InteractiveShell {

  /** The feedback mode's name. */
  static final String MODE = "benchbook";

  /** The commands that define the feedback mode, run once in a hidden tool to retain it. */
  private static final String MODE_COMMANDS = String.join("\n",
      "/set mode " + MODE + " normal -command",
      "/set truncation " + MODE + " 1000000",
      "/set prompt " + MODE + " \"\\nbenchbook> \" \"      ...> \"",
      "/set mode " + MODE + " -retain",
      "/set feedback -retain " + MODE,
      "/exit", "");

  private InteractiveShell() {
  }

  /** Runs the shell on the terminal until {@code /exit}. */
  public static void run() throws Exception {
    run(null, null, true);
  }

  /**
   * Runs the shell reading {@code in} and writing {@code out} (both null: the terminal); returns
   * when the input ends or on {@code /exit}.
   */
  public static void run(InputStream in, PrintStream out, boolean terminal) throws Exception {
    Path startup = Files.createTempFile("benchbook-startup-", ".jsh");
    try {
      Files.writeString(startup, String.join("\n", DefaultImports.IMPORTS) + "\n");
      JavaShellToolBuilder b = JavaShellToolBuilder.builder().persistence(preferences())
          .interactiveTerminal(terminal);
      if (in != null) {
        b.in(in, null);
      }
      if (out != null) {
        b.out(out, out, out);
      }
      b.start("--class-path", System.getProperty("java.class.path"), "--execution",
          ShellDisplay.NAME, "--startup", "DEFAULT", "--startup", startup.toString());
    } finally {
      Files.deleteIfExists(startup);
    }
  }

  /** Tool preferences holding the retained {@code benchbook} feedback mode, no history. */
  static Map<String, String> preferences() throws Exception {
    Map<String, String> prefs = new HashMap<>();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    JavaShellToolBuilder.builder().in(new ByteArrayInputStream(MODE_COMMANDS.getBytes(
        StandardCharsets.UTF_8)), null).out(quiet, quiet, quiet).persistence(prefs)
        .interactiveTerminal(false).run("--no-startup", "-q");
    prefs.keySet().removeIf(k -> k.startsWith("HISTORY"));
    if (prefs.keySet().stream().noneMatch(k -> k.startsWith("MODE"))) {
      throw new IllegalStateException("the jshell tool did not keep the benchbook feedback mode: "
          + sink.toString(StandardCharsets.UTF_8).strip());
    }
    return prefs;
  }
}
