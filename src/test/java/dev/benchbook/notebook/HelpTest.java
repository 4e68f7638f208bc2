package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code help(x)}: a table's columns with units and meaning, a value's methods with docs. */
class HelpTest {

  static final String RUN = "data/results-mitigation-20261126-211850.json";

  @Test
  void aTableShowsEachColumnsTypeUnitMissingAndMeaning() {
    String text = Help.text(Benchbook.stats(Benchbook.load(RUN)));
    assertTrue(text.startsWith("Table 'stats': "), text);
    assertTrue(Pattern.compile("(?m)^  p95_ms +double +ms +0  95th percentile$").matcher(text)
        .find(), text);
    assertTrue(Pattern.compile("(?m)^  transitions_per_s +double +1/s +0  committed transitions")
        .matcher(text).find(), text);
    String reps = Help.text(Benchbook.repetitions(Benchbook.load(RUN)));
    assertTrue(Pattern.compile("(?m)^  wall_s +double +s +0  wall time").matcher(reps).find(),
        reps);
  }

  @Test
  void theFacadeListsEveryOneLinerWithItsDoc() {
    String text = Help.text(Benchbook.class);
    assertTrue(text.startsWith("dev.benchbook.api.Benchbook (class): The one-line entry points"),
        text);
    long methods = 0;
    for (Method m : Benchbook.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())) {
        methods++;
      }
    }
    assertEquals(methods, text.lines().filter(l -> l.startsWith("  static ")).count(), text);
    assertTrue(text.contains("  static Table pivot(Table table, String rows, String columns, "
        + "String value)\n      Long to wide:"), text);
  }

  @Test
  void aValueShowsItsTypesMethodsWithTheirDocsAndHelpIsImportedInSessions() {
    String text = Help.text(Benchbook.load(RUN));
    assertTrue(text.startsWith("dev.benchbook.results.LoadedRun (record): A validated results"),
        text);
    assertTrue(text.contains("  Path path()\n      the JSON file as it was given or found\n"),
        text);
    StringBuilder printed = new StringBuilder();
    try (Evaluator eval = Evaluator.start(EvaluatorOptions.defaults())) {
      CellOutcome out = eval.execute("help(Benchbook.perWorker(Benchbook.load(\"" + RUN
          + "\"), \"c10-fast\"));", new CellListener() {
            @Override
            public void stdout(String s) {
              printed.append(s);
            }

            @Override
            public void stderr(String s) {
            }

            @Override
            public void display(DisplayData data) {
            }
          });
      assertTrue(out.ok(), () -> out.error().get().summary());
    }
    assertTrue(Pattern.compile("(?m)^  transitions +long +0  committed transitions$")
        .matcher(printed).find(), printed.toString());
  }
}
