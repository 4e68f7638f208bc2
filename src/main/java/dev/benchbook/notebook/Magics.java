package dev.benchbook.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IJava's line magics that add to the class path: {@code %jars PATH...} (jar files; a {@code *}
 * in the file name matches several) and {@code %classpath PATH...} (jars or class folders).
 * A magic is a line of its own starting with {@code %}; it runs before the cell's code. A path
 * naming benchbook's own jar ({@value #OWN_JAR}, present or not) is skipped: the session has
 * benchbook on its class path already, and the notebooks' first cell names that jar for IJava.
 */
final class Magics {

  /** A magic line: {@code %name args}. */
  static final Pattern LINE = Pattern.compile("^[ \\t]*%([A-Za-z]\\w*)(.*)$", Pattern.MULTILINE);

  /** The file name of benchbook's own jar, which a session never needs added. */
  static final String OWN_JAR = "benchbook.jar";

  private Magics() {
  }

  /** A magic found in a cell: its name, arguments and 1-based line. */
  record Magic(String name, List<String> args, int line) {
  }

  /** The magics of a cell, in order. */
  static List<Magic> find(String cell) {
    List<Magic> found = new ArrayList<>();
    Matcher m = LINE.matcher(cell);
    while (m.find()) {
      String args = m.group(2).strip();
      found.add(new Magic(m.group(1), args.isEmpty() ? List.of() : List.of(args.split("\\s+")),
          lineOf(cell, m.start())));
    }
    return found;
  }

  /** The cell with each magic line blanked (line numbers stay the same). */
  static String strip(String cell) {
    return LINE.matcher(cell).replaceAll("");
  }

  /**
   * The class path entries a magic adds, resolved against {@code dir}; fails with a message
   * naming the magic and the missing path, or an unsupported magic.
   */
  static List<Path> entries(Magic magic, Path dir) {
    if (!magic.name().equals("jars") && !magic.name().equals("classpath")) {
      throw new IllegalArgumentException("unsupported magic %" + magic.name()
          + "; supported: %jars PATH..., %classpath PATH...");
    }
    if (magic.args().isEmpty()) {
      throw new IllegalArgumentException("%" + magic.name() + " needs at least one path");
    }
    List<Path> out = new ArrayList<>();
    for (String arg : magic.args()) {
      if (Path.of(arg).getFileName() != null
          && Path.of(arg).getFileName().toString().equals(OWN_JAR)) {
        continue;
      }
      List<Path> matched = expand(dir.resolve(arg));
      if (matched.isEmpty()) {
        throw new IllegalArgumentException("%" + magic.name() + ": no such file: "
            + dir.resolve(arg).toAbsolutePath().normalize());
      }
      out.addAll(matched);
    }
    return out;
  }

  private static List<Path> expand(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (!name.contains("*")) {
      return Files.exists(path) ? List.of(path) : List.of();
    }
    Path parent = path.getParent() == null ? Path.of("") : path.getParent();
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(parent, name)) {
      dir.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent, e);
    }
    out.sort(null);
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
