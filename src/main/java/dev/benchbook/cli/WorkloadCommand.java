package dev.benchbook.cli;

import dev.benchbook.workload.WorkloadCheck;
import dev.benchbook.workload.WorkloadFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook workload check FILE}: checks a workload file (docs/WORKLOADS.md). */
@Command(name = "workload", mixinStandardHelpOptions = true,
    description = "Workload files (docs/WORKLOADS.md).",
    subcommands = WorkloadCommand.Check.class)
final class WorkloadCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** Checks one workload file: its flow and its SQL against its schema. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check a workload file before anything runs: states, edges, retry limits, "
          + "and its SQL against its schema; one line per problem, exit 3 when there is any. "
          + "Without FILE, checks the built-in workload.")
  static final class Check implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A workload JSON file, or a "
        + "results file whose manifest copied one.")
    Path file;

    @Override
    public Integer call() throws Exception {
      if (file != null && !Files.isRegularFile(file)) {
        throw new BadInputException(file + ": no such file");
      }
      WorkloadFile w;
      try {
        w = file == null ? WorkloadFile.builtIn() : WorkloadFile.load(file);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      List<String> problems = WorkloadCheck.problems(w);
      if (!problems.isEmpty()) {
        throw new BadInputException(String.join("\n", problems));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(w.source() + ": workload " + w.name() + " is valid: " + w.states().size()
          + " states, " + w.edges().size() + " edges, happy path of "
          + w.flow().happyPathLength() + " transitions");
      out.flush();
      return ExitCode.OK;
    }
  }
}
