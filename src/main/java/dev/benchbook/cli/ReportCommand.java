package dev.benchbook.cli;

import dev.benchbook.report.ReportWriter;
import dev.benchbook.results.LoadReport;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchbook report}: Markdown phase reports with charts, regenerated from data/. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write reports/<name>/README.md and its charts for results files.")
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Results files to report on.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--all", description = "Every results file under --data-dir.")
  boolean all;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = "--out", paramLabel = "DIR", description = "Reports folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("reports");

  @Override
  public Integer call() throws Exception {
    if (all == !files.isEmpty()) {
      throw new IllegalArgumentException("give results FILEs or --all, not both and not neither");
    }
    if (all && !Files.isDirectory(dataDir)) {
      throw new BadInputException(dataDir + ": no such folder (--data-dir)");
    }
    LoadReport loaded = all ? ResultsReader.load(dataDir) : load(files);
    PrintWriter err = spec.commandLine().getErr();
    loaded.problemLines().forEach(l -> err.println("benchbook: " + l));
    ReportWriter writer = new ReportWriter(dataDir, out);
    List<Path> written = all ? writer.writeAll(loaded.runs()) : writeEach(writer, loaded.runs());
    PrintWriter o = spec.commandLine().getOut();
    written.forEach(p -> o.println(p));
    o.flush();
    err.flush();
    return loaded.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }

  private static LoadReport load(List<Path> files) {
    LoadReport report = new LoadReport(List.of(), List.of());
    for (Path f : files) {
      report = report.plus(ResultsReader.load(f));
    }
    return report;
  }

  private static List<Path> writeEach(ReportWriter writer, List<LoadedRun> runs)
      throws Exception {
    List<Path> out = new ArrayList<>();
    for (LoadedRun r : runs) {
      out.add(writer.write(r));
    }
    return out;
  }
}
