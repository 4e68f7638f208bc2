package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command line: one subcommand's model when it is named, all of them otherwise. */
class MainCommandLineTest {

  @Test
  void aNamedSubcommandIsTheOnlyOneBuiltUnderTheSameRoot() {
    CommandLine cli = Main.commandLine("catalog", "--data-dir", "x");
    assertEquals(Set.of("catalog"), cli.getSubcommands().keySet());
    assertEquals("benchbook catalog",
        cli.getSubcommands().get("catalog").getCommandSpec().qualifiedName());
  }

  @Test
  void helpVersionAndUnknownNamesGetEverySubcommand() {
    Set<String> all = new CommandLine(new Main()).getSubcommands().keySet();
    assertTrue(all.size() > 10 && all.contains("catalog") && all.contains("help"), all::toString);
    assertEquals(all, Main.commandLine().getSubcommands().keySet());
    assertEquals(all, Main.commandLine("--help").getSubcommands().keySet());
    assertEquals(all, Main.commandLine("help", "catalog").getSubcommands().keySet());
    assertEquals(all, Main.commandLine("catalogue").getSubcommands().keySet());
  }

  @Test
  void aSubcommandsUsageAndBadFlagsReadAsBefore() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), "catalog", "--help"));
    assertTrue(out.toString().startsWith("Usage: benchbook catalog "), out::toString);
    assertEquals(2, Main.execute(new PrintWriter(out), new PrintWriter(err), "catalog", "--bogus"));
    assertEquals("benchbook: Unknown option: '--bogus' (benchbook catalog --help)",
        err.toString().strip());
  }
}
