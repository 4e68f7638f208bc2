// benchbook session imports: the facade, results records, analysis, charts and Tablesaw.
// Run scripts after it: jshell --class-path target/benchbook.jar notebooks/startup.jsh X.jsh
import dev.benchbook.api.*;
import dev.benchbook.results.*;
import dev.benchbook.analysis.*;
import dev.benchbook.charts.*;
import tech.tablesaw.api.*;
import java.nio.file.*;
import java.util.*;
