package dev.benchbook.notebook;

import dev.benchbook.format.Layout;
import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The execution engine of the interactive {@code benchbook shell} ({@code --execution
 * benchbook}): snippets run in this JVM as in a notebook, and a value the
 * {@link Display} rules know (a table, a comparison, a chart) shows as a notebook cell's text
 * does, rounded and fitted to the terminal ($COLUMNS, else 120), instead of its
 * {@code toString()}. Other values show as JShell shows them.
 */
public final class ShellDisplay implements ExecutionControlProvider {

  /** The name given to JShell's {@code --execution}. */
  public static final String NAME = "benchbook";

  private static final String SEE_ALL = "display(Display.wide(x)) shows every row and column";

  /** The environment the width is read from (tests replace it). */
  static Map<String, String> environment = System.getenv();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return new KeepingExecutionControl() {
      @Override
      String shown(Object value) {
        return ShellDisplay.shown(value);
      }
    };
  }

  /** What the shell prints after {@code $1 ==> } for a value. */
  static String shown(Object value) {
    if (!Display.knows(value)) {
      return KeepingExecutionControl.plain(value);
    }
    String text = Display.of(value, layout()).plain();
    return text.contains("\n") ? "\n" + text : text;
  }

  /** The terminal's layout for the shell. */
  static Layout layout() {
    return new Layout(Layout.width(environment), false, Layout.MAX_ROWS, SEE_ALL);
  }
}
