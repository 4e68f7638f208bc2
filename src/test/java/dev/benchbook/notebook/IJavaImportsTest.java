package dev.benchbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks name no type ambiguously in a session that starts as IJava's does. IJava 1.3.0
 * imports {@link #IJAVA_PACKAGES} on demand before the first cell; a type in a package a
 * notebook imports on demand whose simple name is also a public type in one of those packages
 * ({@code dev.benchbook.workload.Flow} and {@code java.util.concurrent.Flow}) is then ambiguous,
 * and IJava refuses the snippet that uses it ("reference to Flow is ambiguous"), though it runs
 * under benchbook's kernel. A notebook that uses such a name must import it by name. Whole
 * notebooks under IJava itself: IJavaNotebooksIT (needs IJava's jar).
 */
class IJavaImportsTest {

  /** The on-demand imports of IJava 1.3.0's session start ({@code ijava-jshell-init.jshell}). */
  static final List<String> IJAVA_PACKAGES = List.of("java.util", "java.io", "java.math",
      "java.net", "java.util.concurrent", "java.util.prefs", "java.util.regex");
  private static final Pattern ON_DEMAND = Pattern.compile(
      "(?m)^\\s*import\\s+(?!static\\s)([\\w.]+)\\.\\*;");
  private static final Pattern BY_NAME = Pattern.compile(
      "(?m)^\\s*import\\s+[\\w.]+\\.([A-Z]\\w*);");
  private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[A-Z]\\w*");

  @Test
  void everyNotebookImportsByNameTheTypesIJavasImportsMakeAmbiguous() throws IOException {
    int cells = 0;
    List<String> ambiguous = new ArrayList<>();
    for (Path nb : NotebooksTest.notebooks()) {
      String code = code(nb);
      cells += NotebooksTest.codeCells(NotebookJson.read(nb)).size();
      ambiguous.addAll(ambiguousUses(nb.getFileName().toString(), code));
    }
    assertTrue(cells >= 40, "code cells read: " + cells);
    assertEquals(List.of(), ambiguous, "under IJava these names are ambiguous; import each by "
        + "name (import dev.benchbook.workload.Flow;)");
  }

  /** The check finds the job queue's class as it was before it imported Flow by name. */
  @Test
  void aClassUsingFlowWithOnlyItsPackageImportedIsFound() throws IOException {
    String before = code(NotebooksTest.NOTEBOOKS.resolve("job-queue-java.ipynb"))
        .replace("import dev.benchbook.workload.Flow;", "");
    List<String> found = ambiguousUses("job-queue-java", before);
    assertEquals(List.of("job-queue-java: Flow is dev.benchbook.workload.Flow or "
        + "java.util.concurrent.Flow"), found);
    Map<String, Set<String>> clashes = clashes(List.of("dev.benchbook.workload"));
    assertEquals(Set.of("java.util.concurrent", "dev.benchbook.workload"), clashes.get("Flow"));
  }

  /** Each name the code uses unqualified that two of its on-demand imports hold, once. */
  static List<String> ambiguousUses(String notebook, String code) throws IOException {
    List<String> packages = new ArrayList<>(DefaultImports.packages());
    Matcher m = ON_DEMAND.matcher(code);
    while (m.find()) {
      packages.add(m.group(1));
    }
    Set<String> byName = new TreeSet<>();
    m = BY_NAME.matcher(code);
    while (m.find()) {
      byName.add(m.group(1));
    }
    Map<String, Set<String>> clashes = clashes(packages);
    Set<String> used = new TreeSet<>();
    m = NAME.matcher(withoutCommentsAndStrings(code));
    while (m.find()) {
      used.add(m.group());
    }
    List<String> found = new ArrayList<>();
    for (String name : used) {
      if (clashes.containsKey(name) && !byName.contains(name)) {
        found.add(notebook + ": " + name + " is " + String.join(" or ", clashes.get(name)
            .stream().map(p -> p + "." + name).sorted().toList()));
      }
    }
    return found;
  }

  /** Simple name -> packages: public types of {@code packages} also in IJava's packages. */
  static Map<String, Set<String>> clashes(List<String> packages) throws IOException {
    Map<String, Set<String>> ijava = new TreeMap<>();
    for (String p : IJAVA_PACKAGES) {
      for (String name : publicTypes(p)) {
        ijava.computeIfAbsent(name, k -> new TreeSet<>()).add(p);
      }
    }
    Map<String, Set<String>> clashes = new TreeMap<>();
    for (String p : new TreeSet<>(packages)) {
      for (String name : publicTypes(p)) {
        Set<String> others = new TreeSet<>(ijava.getOrDefault(name, Set.of()));
        others.remove(p);
        if (!others.isEmpty()) {
          clashes.computeIfAbsent(name, k -> new TreeSet<>(others)).add(p);
        }
      }
    }
    return clashes;
  }

  /** Simple names of the public top-level types of a package on this class path or the JDK. */
  static Set<String> publicTypes(String pkg) throws IOException {
    Set<String> classes = new TreeSet<>();
    String dir = pkg.replace('.', '/');
    for (URL url : Collections.list(IJavaImportsTest.class.getClassLoader().getResources(dir))) {
      classes.addAll(classFiles(url, dir));
    }
    if (classes.isEmpty()) {
      FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
      Path link = jrt.getPath("/packages", pkg);
      if (Files.isDirectory(link)) {
        try (Stream<Path> modules = Files.list(link)) {
          for (Path module : modules.toList()) {
            classes.addAll(names(jrt.getPath("/modules", module.getFileName().toString(), dir)));
          }
        }
      }
    }
    Set<String> publicOnes = new TreeSet<>();
    for (String c : classes) {
      try {
        Class<?> type = Class.forName(pkg + "." + c, false,
            IJavaImportsTest.class.getClassLoader());
        if (java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
          publicOnes.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // a class the loader cannot load cannot be named from a notebook either
      }
    }
    return publicOnes;
  }

  private static Set<String> classFiles(URL url, String dir) throws IOException {
    if (url.getProtocol().equals("jar")) {
      Set<String> out = new TreeSet<>();
      JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
      jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(dir + "/")
          && n.indexOf('/', dir.length() + 1) < 0).forEach(n -> out.add(n.substring(
              dir.length() + 1)));
      return topLevel(out);
    }
    try {
      return names(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException(url + ": " + e.getMessage(), e);
    }
  }

  private static Set<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return topLevel(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  /** {@code Foo.class} -> {@code Foo}; nested and synthetic classes and other files left out. */
  private static Set<String> topLevel(java.util.Collection<String> files) {
    Set<String> out = new TreeSet<>();
    for (String f : files) {
      if (f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class")
          && !f.equals("module-info.class")) {
        out.add(f.substring(0, f.length() - ".class".length()));
      }
    }
    return out;
  }

  /** Every code cell of a notebook, magics left out, one after the other. */
  private static String code(Path nb) throws IOException {
    StringBuilder s = new StringBuilder();
    for (var cell : NotebooksTest.codeCells(NotebookJson.read(nb))) {
      s.append(Magics.strip(NotebookJson.source(cell))).append('\n');
    }
    return s.toString();
  }

  /** Java code with its comments and string and char literals blanked. */
  static String withoutCommentsAndStrings(String code) {
    return code.replaceAll("(?s)\"\"\".*?\"\"\"|\"(\\\\.|[^\"\\\\\\n])*\"|'(\\\\.|[^'\\\\])'"
        + "|//[^\\n]*|/\\*.*?\\*/", " ");
  }
}
