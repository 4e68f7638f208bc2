// benchbook session imports (the same as notebooks and `benchbook shell` start with): the facade,
// results, analysis, charts, Tablesaw, files, collections and display(obj).
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
// In IJava: benchbook's display rules for charts, tables and comparisons (elsewhere: nothing).
dev.benchbook.notebook.KernelRenderers.install();
