package dev.benchbook.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the benchbook CLI. */
@Command(name = "benchbook", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "FSM/SQLite benchmark runtime and analysis workspace.",
    subcommands = {RunCommand.class, CompareCommand.class, MitigateCommand.class,
        SweepCommand.class, ReportCommand.class, PhaseCommand.class, StatsCommand.class,
        CalibrateCommand.class, WorkloadCommand.class,
        CatalogCommand.class, QueryCommand.class, LakeCommand.class,
        NotebookCommand.class, ShellCommand.class, KernelCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 run failed, 2 bad flags, 3 bad input file, 130 cancelled."})
public final class Main {

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (used by tests). */
  public static int execute(String... args) {
    return execute(null, null, args);
  }

  /**
   * Runs the CLI with the given writers for standard output and error (null keeps picocli's
   * default, System.out or System.err) and returns its exit code.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    cli.setExecutionExceptionHandler(Main::onError);
    cli.setParameterExceptionHandler(Main::onBadFlags);
    boolean query = args.length > 0 && args[0].equals("query");
    return cli.execute(query ? QueryCommand.commentedSql(args) : args);
  }

  /**
   * The command line for these arguments: when the first one names a subcommand, a root holding
   * that subcommand alone, since building the model of every subcommand by reflection costs a
   * sixth of a second of each run, twice what one costs (docs/PERFORMANCE.md, Step 17);
   * otherwise (help, version, a mistyped name) the root with all of them.
   */
  static CommandLine commandLine(String... args) {
    if (args.length > 0) {
      for (Class<?> sub : Main.class.getAnnotation(Command.class).subcommands()) {
        if (sub != CommandLine.HelpCommand.class
            && sub.getAnnotation(Command.class).name().equals(args[0])) {
          CommandLine root = new CommandLine(new Root());
          root.addSubcommand(args[0], new CommandLine(sub));
          return root;
        }
      }
    }
    return new CommandLine(new Main());
  }

  /** The root command when one subcommand runs: its name and standard options, as on Main. */
  @Command(name = "benchbook", mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class)
  static final class Root {
  }

  /** One line: the problem and where the usage is, never the whole usage. */
  private static int onBadFlags(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("benchbook: " + badFlags(e.getMessage()) + helpHint(e.getCommandLine()));
    err.flush();
    return ExitCode.USAGE;
  }

  private static int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    return Errors.report(e, cmd.getErr());
  }

  /** Picocli's message, its doubled word fixed ("Value for option option '--x'"). */
  static String badFlags(String message) {
    String m = message == null ? "bad flags" : message.replace("option option", "option");
    return m.lines().findFirst().orElse(m);
  }

  /** E.g. {@code  (benchbook query --help)}. */
  private static String helpHint(CommandLine cmd) {
    return " (" + cmd.getCommandSpec().qualifiedName() + " --help)";
  }
}
