package dev.benchbook.cli;

import dev.benchbook.kernel.KernelDirs;
import dev.benchbook.kernel.KernelInstaller;
import dev.benchbook.kernel.KernelSpec;
import dev.benchbook.runtime.MachineInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook kernel install|uninstall}: the Java kernel for Jupyter. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = "Install or remove benchbook's Java kernel for Jupyter (kernelspec 'java').",
    subcommands = {KernelCommand.Install.class, KernelCommand.Uninstall.class})
final class KernelCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("benchbook: kernel: expected 'install' or 'uninstall' "
        + "(benchbook kernel --help)");
    return ExitCode.USAGE;
  }

  /** Where the kernelspec goes: the user's Jupyter data directory (default) or a prefix. */
  static final class Location {

    @Option(names = "--user", description = "The user's Jupyter data directory (default).")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR",
        description = "Under DIR/share/jupyter/kernels; Jupyter finds it with "
            + "JUPYTER_PATH=DIR/share/jupyter.")
    Path prefix;

    static Path kernelsDir(Location location) {
      return location == null || location.prefix == null ? KernelDirs.user()
          : KernelDirs.underPrefix(location.prefix);
    }

    static String jupyterPathAssignment(Location location) {
      return location == null || location.prefix == null ? ""
          : "JUPYTER_PATH=" + KernelDirs.jupyterPathFor(location.prefix) + " ";
    }
  }

  /** What install and uninstall share: where the kernelspec is and its name. */
  abstract static class KernelAction implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Location location;

    @Option(names = "--name", defaultValue = "java",
        description = "Kernelspec name (default: ${DEFAULT-VALUE}, the notebooks' kernel).")
    String name;
  }

  /** {@code benchbook kernel install}. */
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Write a kernelspec that runs benchbook's Java kernel from this jar.")
  static final class Install extends KernelAction {

    @Option(names = "--force",
        description = "Replace a kernelspec of that name that benchbook did not write.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      KernelSpec kernel = KernelSpec.forClassPath(KernelInstaller.runningJava(),
          KernelInstaller.runningClassPath(), MachineInfo.TOOL_VERSION);
      Path dir = KernelInstaller.install(Location.kernelsDir(location), name, kernel, force);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Installed kernel '%s' (%s) in %s%n", name, kernel.displayName(), dir);
      out.printf("It runs %s; rebuild it after changes (./benchbook or mvn package).%n",
          kernel.argv().get(kernel.argv().indexOf("-cp") + 1));
      String env = Location.jupyterPathAssignment(location);
      out.println("Start Jupyter in the repository and open notebooks/:");
      out.printf("  %sjupyter notebook notebooks/%n", env);
      out.println("Or run a notebook headless:");
      out.printf("  %sjupyter nbconvert --to notebook --execute notebooks/seed-phase-14.ipynb "
          + "--output-dir /tmp/executed%n", env);
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code benchbook kernel uninstall}. */
  @Command(name = "uninstall", mixinStandardHelpOptions = true,
      description = "Remove the kernelspec 'benchbook kernel install' wrote.")
  static final class Uninstall extends KernelAction {

    @Override
    public Integer call() throws Exception {
      Path dir = KernelInstaller.uninstall(Location.kernelsDir(location), name);
      spec.commandLine().getOut().printf("Removed kernel '%s' from %s%n", name, dir);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
