package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process evaluator: whole-cell parsing, results, capture, errors, interrupt, timeout. */
class EvaluatorTest {

  private static Evaluator eval;

  @BeforeAll
  static void start() {
    eval = Evaluator.start(EvaluatorOptions.defaults());
  }

  @AfterAll
  static void stop() {
    eval.close();
  }

  private static CellOutcome run(String cell, Recorder r) {
    return eval.execute(cell, r);
  }

  @Test
  void chainsOverLinesAndTheLastExpressionIsTheResult() {
    Recorder r = new Recorder();
    CellOutcome o = run("var s = \"a,b,c\"\n    .split(\",\");\nint n = s.length;\n"
        + "String.join(\"-\", s)\n   .toUpperCase()", r);
    assertTrue(o.ok(), () -> o.error().toString());
    assertEquals("A-B-C", o.result().orElseThrow().plain());
    assertEquals(3, Integer.parseInt(run("n", new Recorder()).result().orElseThrow().plain()));
  }

  @Test
  void declarationsStatementsAndNullShowNoResult() {
    assertTrue(run("int k = 4;", new Recorder()).result().isEmpty());
    assertTrue(run("k = 5", new Recorder()).result().isEmpty());
    assertTrue(run("System.out.println(k)", new Recorder()).result().isEmpty());
    assertTrue(run("String none = null;\nnone", new Recorder()).result().isEmpty());
    assertTrue(run("System.out.printf(\"%d%n\", k);", new Recorder()).result().isEmpty());
    assertTrue(run("k + 1;", new Recorder()).result().isEmpty(), "a final ; hides the value");
    assertEquals("6", run("k + 1", new Recorder()).result().orElseThrow().plain());
    assertEquals("a;5", run("\"a;\" + k // a comment;\n/* and; */",
        new Recorder()).result().orElseThrow().plain());
  }

  @Test
  void printsFromTheCellAndItsThreadsGoToTheCellInOrderWithDisplays() {
    Recorder r = new Recorder();
    CellOutcome o = run("System.out.println(\"one\");\nSystem.err.println(\"warn\");\n"
        + "display(List.of(1, 2));\nThread t = new Thread(() -> System.out.println(\"two\"));\n"
        + "t.start(); t.join();\nSystem.out.print(\"tail\");", r);
    assertTrue(o.ok(), () -> o.error().toString());
    assertEquals("one\ntwo\ntail", r.out.toString());
    assertEquals("warn\n", r.err.toString());
    assertEquals(List.of("out:one\n", "err:warn\n", "display:[1, 2]", "out:two\n", "out:tail"),
        r.events);
  }

  @Test
  void aRejectedSnippetStopsTheCellWithItsLineAndTheCompilersMessage() {
    Recorder r = new Recorder();
    CellOutcome o = run("System.out.println(\"before\");\n// a comment\nint y = missing + 1;\n"
        + "System.out.println(\"after\");", r);
    CellError e = o.error().orElseThrow();
    assertEquals(CellError.COMPILATION, e.name());
    assertEquals(3, e.line());
    assertTrue(e.message().startsWith("cannot find symbol"), e.message());
    assertTrue(e.message().contains("variable missing"), e.message());
    assertEquals("before\n", r.out.toString());
    assertTrue(e.traceback().get(1).contains("int y = missing + 1;"), e.traceback().toString());
  }

  @Test
  void aMissingSemicolonBetweenStatementsIsAnErrorOnItsLine() {
    CellOutcome o = run("int a = 1;\nint b = 2\nint c = 3;", new Recorder());
    CellError e = o.error().orElseThrow();
    assertEquals(2, e.line());
    assertEquals("';' expected", e.message());
  }

  @Test
  void anExceptionStopsTheCellNamingItsClassAndLine() {
    Recorder r = new Recorder();
    CellOutcome o = run("int z = 1;\n\nInteger.parseInt(\"x\");\nSystem.out.println(\"no\");", r);
    CellError e = o.error().orElseThrow();
    assertEquals("java.lang.NumberFormatException", e.name());
    assertEquals("For input string: \"x\"", e.message());
    assertEquals(3, e.line());
    assertEquals("", r.out.toString());
  }

  @Test
  void anExceptionInAMethodDefinedEarlierPointsAtTheLineInside() {
    CellOutcome o = run("void boom(int v) {\n  if (v > 1) {\n    throw new IllegalStateException(\"v=\" + v);\n  }\n}\nboom(2);",
        new Recorder());
    CellError e = o.error().orElseThrow();
    assertEquals("java.lang.IllegalStateException", e.name());
    assertEquals(3, e.line());
  }

  @Test
  void interruptStopsARunawayCellAndKeepsTheSession() throws Exception {
    run("int kept = 7;", new Recorder());
    Recorder spinning = new Recorder();
    CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> run(
        "long spins = 0;\nwhile (true) { if (spins++ == 0) { System.out.println(\"in\"); } }",
        spinning));
    // interrupt once the loop runs (not while line 2 still compiles, slow on a busy machine)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!printed(spinning) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    eval.interrupt();
    CellOutcome o = running.get(10, TimeUnit.SECONDS);
    assertEquals(CellError.INTERRUPTED, o.error().orElseThrow().name());
    assertEquals(2, o.error().orElseThrow().line());
    assertEquals("7", run("kept", new Recorder()).result().orElseThrow().plain());
  }

  private static boolean printed(Recorder r) {
    synchronized (r) {
      return r.out.length() > 0;
    }
  }

  @Test
  void aCellShowsItsValueWithoutKeepingItAsADollarVariable() {
    assertEquals("42", run("6 * 7", new Recorder()).result().orElseThrow().plain());
    assertEquals("10", run("int base = 8;\nbase + 1;\nbase + 2", new Recorder()).result()
        .orElseThrow().plain());
    assertTrue(eval.variables().containsKey("base"), "declared variables stay");
    assertFalse(eval.variables().keySet().stream().anyMatch(n -> n.startsWith("$")),
        () -> "no $N variable kept: " + eval.variables());
    assertEquals("9", run("base + 1", new Recorder()).result().orElseThrow().plain());
  }

  @Test
  void aCellOverItsTimeoutIsStoppedAndReported() {
    try (Evaluator timed = Evaluator.start(EvaluatorOptions.defaults()
        .withCellTimeout(Duration.ofMillis(400)))) {
      long t0 = System.nanoTime();
      CellOutcome o = timed.execute("Thread.sleep(60_000);", new Recorder());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      CellError e = o.error().orElseThrow();
      assertEquals(CellError.TIMEOUT, e.name());
      assertTrue(e.message().contains("longer than 0.4 s"), e.message());
      assertTrue(ms < 5_000, "stopped after " + ms + " ms");
      assertTrue(timed.variables().isEmpty(), "the session is still usable");
    }
  }

  @Test
  void magicsAddToTheClassPathOrFailNamingThePath() {
    CellOutcome ok = run("%classpath target/classes\nint m = 3;", new Recorder());
    assertTrue(ok.ok(), () -> ok.error().toString());
    CellOutcome bad = run("%jars no/such.jar\nint m2 = 3;", new Recorder());
    CellError e = bad.error().orElseThrow();
    assertEquals(1, e.line());
    assertTrue(e.message().contains("no such file") && e.message().contains("no/such.jar"),
        e.message());
    CellError unknown = run("%maven a:b:1", new Recorder()).error().orElseThrow();
    assertTrue(unknown.message().startsWith("unsupported magic %maven"), unknown.message());
  }

  @Test
  void completenessCompletionsInspectionAndVariables() {
    assertEquals(Completeness.Status.COMPLETE, eval.isComplete("int q = 1;\nq").status());
    Completeness open = eval.isComplete("for (int i = 0; i < 2; i++) {");
    assertEquals(Completeness.Status.INCOMPLETE, open.status());
    assertEquals("    ", open.indent());
    assertEquals(Completeness.Status.INVALID, eval.isComplete("int y = )").status());

    String code = "int w = 1;\nMath.ma";
    Completions c = eval.complete(code, code.length());
    assertEquals(code.length() - 2, c.start());
    assertEquals(code.length(), c.end());
    assertTrue(c.matches().contains("max("), c.matches().toString());

    String doc = eval.inspect("Math.max(1, 2)", 6).orElseThrow().plain();
    assertTrue(doc.contains("max(int"), doc);

    run("double rate = 1.5;\nvar label = \"x\";", new Recorder());
    assertEquals("double", eval.variables().get("rate"));
    assertEquals("String", eval.variables().get("label"));
  }

  @Test
  void shiftTabShowsTheJavadocOfEveryPublicFacadeMethod() throws Exception {
    String doc = eval.inspect("Benchbook.load(\"x\")", "Benchbook.lo".length()).orElseThrow()
        .plain();
    assertTrue(doc.startsWith("LoadedRun Benchbook.load(String file)\nLoads and validates one "
        + "results file"), doc);
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (java.lang.reflect.Method m : dev.benchbook.api.Benchbook.class.getMethods()) {
      if (m.getDeclaringClass() == dev.benchbook.api.Benchbook.class) {
        names.add(m.getName());
      }
    }
    for (String name : names) {
      String shown = eval.inspect("Benchbook." + name, ("Benchbook." + name).length())
          .orElseThrow(() -> new AssertionError("no inspect for " + name)).plain();
      for (String block : shown.split("\n\n")) {
        String[] lines = block.split("\n", 2);
        assertTrue(lines.length == 2 && lines[1].strip().length() > 10,
            "Benchbook." + name + " shows no Javadoc: " + block);
      }
    }
  }

  @Test
  void systemInReadsEndOfFileAndSaysWhyWhereTheFrontEndTakesNoInput() {
    Recorder r = new Recorder();
    CellOutcome o = run("System.in.read()", r);
    assertEquals("-1", o.result().orElseThrow().plain());
    assertTrue(r.err.toString().contains(CellInput.NO_INPUT), r.err.toString());
  }

  @Test
  void systemInReadsTheLinesTheFrontEndGives() {
    java.util.Deque<String> typed = new java.util.ArrayDeque<>(List.of("first", "second"));
    Recorder r = new Recorder() {
      @Override
      public java.util.Optional<String> input(String prompt) {
        return java.util.Optional.ofNullable(typed.poll());
      }
    };
    CellOutcome o = run("var sc = new Scanner(System.in);\nsc.nextLine() + \"+\" + sc.nextLine()",
        r);
    assertEquals("first+second", o.result().orElseThrow().plain());
  }

  @Test
  void theDefaultImportsAreThere() {
    CellOutcome o = run("Benchbook.class.getSimpleName() + Table.class.getSimpleName()",
        new Recorder());
    assertEquals("BenchbookTable", o.result().orElseThrow().plain());
    assertFalse(o.result().orElseThrow().data().containsKey("text/html"));
  }
}
