package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way house of shared/DESIGN.md: a main-source file may refer only to its own package
 * and the packages below it. Packages of later steps that do not exist yet are skipped; a
 * package missing from the order fails, so a new package has to take its place in it.
 */
class LayeringTest {

  /** Bottom to top. */
  static final List<String> ORDER = List.of("rows", "format", "workload", "runtime", "results",
      "analysis", "charts", "report", "catalog", "api", "notebook", "kernel", "cli");

  private static final Path MAIN = Path.of("src/main/java/dev/benchbook");
  private static final Pattern REF = Pattern.compile("\\bdev\\.benchbook\\.([a-z]+)\\b");

  @Test
  void noPackageRefersToOneAboveIt() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        violations.addAll(violations(f));
      }
    }
    assertEquals(List.of(), violations, "references to a package above the file's own");
  }

  @Test
  void everyPackageHasAPlaceInTheOrder() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        String name = d.getFileName().toString();
        assertTrue(ORDER.contains(name), "package " + name + " is not in the layering order "
            + ORDER + "; add it where shared/DESIGN.md places it");
      }
    }
  }

  @Test
  void theCheckSeesAViolation() {
    assertEquals(List.of("results/X.java refers to dev.benchbook.report (above results)"),
        violationsIn("results/X.java", "results", "import dev.benchbook.report.Insights;\n"
            + "import dev.benchbook.rows.RawRows;"));
  }

  private static List<String> violations(Path file) throws IOException {
    String pkg = MAIN.relativize(file).getName(0).toString();
    String text = Files.readString(file);
    return violationsIn(MAIN.relativize(file).toString().replace('\\', '/'), pkg, text);
  }

  private static List<String> violationsIn(String name, String pkg, String text) {
    List<String> out = new ArrayList<>();
    int own = ORDER.indexOf(pkg);
    Matcher m = REF.matcher(text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
    while (m.find()) {
      String target = m.group(1);
      int rank = ORDER.indexOf(target);
      String line = name + " refers to dev.benchbook." + target + " (above " + pkg + ")";
      if (own >= 0 && rank > own && !out.contains(line)) {
        out.add(line);
      }
    }
    return out;
  }
}
