package dev.benchbook.cli;

import dev.benchbook.notebook.Evaluator;
import dev.benchbook.notebook.EvaluatorOptions;
import dev.benchbook.notebook.InteractiveShell;
import dev.benchbook.notebook.ScriptRunner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchbook shell}: JShell with the project's class path and the notebook imports. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Without scripts: an interactive JShell (in this JVM) with benchbook's class "
        + "path and the notebook imports (dev.benchbook.api.*, results, analysis, charts, "
        + "Tablesaw, java.nio.file, java.util, display); tables, comparisons and charts show "
        + "as in a notebook, rounded and fitted to the terminal ($COLUMNS, else 120).",
        "With scripts: runs them in order in one session; the first rejected snippet or "
            + "exception stops with the script's line and the message, exit code 1."})
final class ShellCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCRIPT", arity = "0..*", description = "JShell scripts (.jsh).")
  List<Path> scripts = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (scripts.isEmpty()) {
      return interactive();
    }
    List<String> texts = new ArrayList<>();
    for (Path s : scripts) {
      try {
        texts.add(Files.readString(s, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        throw new BadInputException(s + ": no such script");
      }
    }
    try (Evaluator eval = Evaluator.start(EvaluatorOptions.defaults())) {
      for (int i = 0; i < scripts.size(); i++) {
        Optional<ScriptRunner.ScriptError> error = ScriptRunner.run(eval, texts.get(i),
            spec.commandLine().getOut(), spec.commandLine().getErr());
        if (error.isPresent()) {
          report(scripts.get(i), texts.get(i), error.get());
          return ExitCode.FAILED;
        }
      }
    }
    return ExitCode.OK;
  }

  private void report(Path script, String text, ScriptRunner.ScriptError e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("benchbook: " + script + ":" + e.line() + ": " + e.error().name() + ": "
        + e.error().message().lines().findFirst().orElse(""));
    e.error().message().lines().skip(1).forEach(l -> err.println("benchbook:   " + l.strip()));
    List<String> lines = text.lines().toList();
    if (e.line() >= 1 && e.line() <= lines.size()) {
      err.println("benchbook:   " + e.line() + " | " + lines.get(e.line() - 1));
    }
    err.flush();
  }

  private int interactive() throws Exception {
    InteractiveShell.run();
    return ExitCode.OK;
  }
}
