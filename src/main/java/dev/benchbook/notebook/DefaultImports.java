package dev.benchbook.notebook;

import java.util.List;

/**
 * The imports every session starts with: the facade, results, analysis, charts, Tablesaw,
 * XChart's charts and builders, NIO files, collections, {@code display(obj)} and
 * {@code help(x)}. {@code notebooks/startup.jsh} holds the same
 * lines for the plain {@code jshell} tool (a test keeps the two in step).
 */
public final class DefaultImports {

  /** The import statements, one per snippet. */
  public static final List<String> IMPORTS = List.of(
      "import dev.benchbook.api.*;",
      "import dev.benchbook.results.*;",
      "import dev.benchbook.analysis.*;",
      "import dev.benchbook.charts.*;",
      "import tech.tablesaw.api.*;",
      "import org.knowm.xchart.*;",
      "import java.nio.file.*;",
      "import java.util.*;",
      "import static dev.benchbook.notebook.Display.display;",
      "import static dev.benchbook.notebook.Help.help;");

  /** The packages the imports name ({@code dev.benchbook.api}, ...), static imports left out. */
  public static List<String> packages() {
    return IMPORTS.stream().filter(i -> !i.startsWith("import static ") && i.endsWith(".*;"))
        .map(i -> i.substring("import ".length(), i.length() - ".*;".length())).toList();
  }

  private DefaultImports() {
  }
}
