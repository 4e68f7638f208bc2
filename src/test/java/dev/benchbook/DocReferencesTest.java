package dev.benchbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs cite files that are in the repository, and say what the CLI does. */
class DocReferencesTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern CITED = Pattern.compile(
      "`([A-Za-z0-9_./-]+/[A-Za-z0-9_.-]+\\.(md|java|sql|json|ipynb|jsh|py|csv|gz|png|svg))`");

  private static List<Path> docs() throws Exception {
    List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  @Test
  void everyLinkedOrCitedFileExists() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Path doc : docs()) {
      String text = Files.readString(doc);
      Path base = doc.toAbsolutePath().getParent();
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (!target.contains(":") && !Files.exists(base.resolve(target))) {
          missing.add(doc + ": link " + target);
        }
      }
      Matcher cited = CITED.matcher(text);
      while (cited.find()) {
        String target = cited.group(1);
        boolean placeholder = target.contains("NAME") || target.contains("*");
        if (!placeholder && !Files.exists(Path.of(target)) && !Files.exists(base.resolve(target))) {
          missing.add(doc + ": cites " + target);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void exitCodesNameSigtermAs143() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("Exit codes:");
    assertTrue(at >= 0, "README has no Exit codes");
    String codes = readme.substring(at, readme.indexOf("\n\n", at));
    assertTrue(codes.contains("143") && codes.contains("SIGTERM"), codes);
  }

  @Test
  void theReadmeNamesThePhaseStepsAsThePhasePrintsThem() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("`./benchbook phase` runs in");
    assertTrue(at >= 0, "README does not describe the phase's steps");
    String phase = readme.substring(at, readme.indexOf("Choose the scenario", at));
    // PhaseCommandTest holds the printed side: "Step 1/2: baseline matrix", "Step 2/2: ..."
    assertTrue(phase.contains("**Step 1/2**") && phase.contains("**Step 2/2**"), phase);
    boolean otherNumbering = phase.matches("(?s).*\\n\\d\\. .*") || phase.contains("/3")
        || phase.contains("/4");
    assertTrue(!otherNumbering, "the README numbers the phase's steps differently from its "
        + "output:\n" + phase);
    assertTrue(!readme.contains("about 15 s") && !readme.contains("in about 3 minutes"),
        "durations the commands do not keep");
  }
}
