package dev.benchbook.cli;

import picocli.CommandLine.Command;

/** {@code benchbook notebook}: run notebooks headless, export them as JShell scripts. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
    description = "Run notebooks headless (outputs written back, nbformat 4) or export them as "
        + "JShell scripts.",
    subcommands = {NotebookRunCommand.class, NotebookExportCommand.class})
final class NotebookCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is needed: run or export");
  }
}
