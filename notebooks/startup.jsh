// benchbook session imports (the same as notebooks and `benchbook shell` start with): the facade,
// results, analysis, charts, Tablesaw, XChart, files, collections, display(obj) and help(x).
// Plain jshell: jshell --class-path target/benchbook.jar notebooks/startup.jsh notebooks/X.jsh
import dev.benchbook.api.*;
import dev.benchbook.results.*;
import dev.benchbook.analysis.*;
import dev.benchbook.charts.*;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import java.nio.file.*;
import java.util.*;
import static dev.benchbook.notebook.Display.display;
import static dev.benchbook.notebook.Help.help;
// In IJava: benchbook's display rules for charts, tables and comparisons (elsewhere: nothing).
dev.benchbook.notebook.KernelRenderers.install();
