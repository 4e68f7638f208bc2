package dev.benchbook.notebook;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of benchbook's own methods, read from the sources the jar ships under
 * {@link #ROOT} (JShell finds Javadoc only in the JDK's {@code src.zip}): for a signature as
 * JShell prints it ({@code LoadedRun Benchbook.load(String file)}), the method's description
 * and its {@code @param}/{@code @return} lines as plain text.
 */
final class Javadocs {

  /** Where the jar keeps benchbook's sources (a resource folder). */
  static final String ROOT = "META-INF/benchbook-sources/";

  private static final Pattern INLINE = Pattern.compile(
      "\\{@(?:code|link|linkplain|literal|value)\\s+([^}]*)}");
  private static final Map<String, Optional<CompilationUnitTree>> PARSED =
      new ConcurrentHashMap<>();
  private static final Map<CompilationUnitTree, DocTrees> TREES = new ConcurrentHashMap<>();

  private Javadocs() {
  }

  /**
   * The documentation of the method with JShell's {@code signature}, looked up in the packages
   * a cell can name it from ({@code packages}, e.g. {@code dev.benchbook.api}); empty when it
   * is not one of benchbook's methods or has no Javadoc.
   */
  static Optional<String> of(String signature, List<String> packages) {
    int open = signature.indexOf('(');
    int close = signature.lastIndexOf(')');
    if (open < 0 || close < open) {
      return Optional.empty();
    }
    String head = signature.substring(0, open).strip();
    String qualified = head.substring(head.lastIndexOf(' ') + 1);
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String owner = qualified.substring(0, dot);
    String method = qualified.substring(dot + 1);
    List<String> params = paramTypes(signature.substring(open + 1, close));
    for (String source : sourceNames(owner, packages)) {
      Optional<String> doc = parse(source).flatMap(unit -> find(unit, simple(owner), method,
          params));
      if (doc.isPresent()) {
        return doc;
      }
    }
    return Optional.empty();
  }

  /** Resource names the class {@code owner} (simple, nested or qualified) may be in. */
  private static List<String> sourceNames(String owner, List<String> packages) {
    List<String> names = new ArrayList<>();
    String[] parts = owner.split("\\.");
    for (int i = parts.length; i >= 1; i--) {
      String pkg = String.join("/", java.util.Arrays.copyOfRange(parts, 0, i - 1));
      String top = parts[i - 1];
      if (!pkg.isEmpty()) {
        names.add(ROOT + pkg + "/" + top + ".java");
      }
    }
    for (String p : packages) {
      names.add(ROOT + p.replace('.', '/') + "/" + parts[0] + ".java");
    }
    return names;
  }

  private static String simple(String owner) {
    return owner.substring(owner.lastIndexOf('.') + 1);
  }

  /** Parameter types of a signature's list ({@code String file, int n}), generics erased. */
  private static List<String> paramTypes(String list) {
    List<String> types = new ArrayList<>();
    int depth = 0;
    StringBuilder one = new StringBuilder();
    for (char c : (list + ",").toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String p = one.toString().strip();
        if (!p.isEmpty()) {
          int space = p.lastIndexOf(' ');
          boolean named = space > 0 && !p.endsWith("...") && !p.endsWith("]")
              && !p.endsWith(">");
          types.add(erase(named ? p.substring(0, space) : p));
        }
        one.setLength(0);
        continue;
      } else if (depth == 0) {
        one.append(c);
      }
    }
    return types;
  }

  private static String erase(String type) {
    String t = type.replaceAll("<.*>", "").replace("final ", "").strip();
    t = t.replace("...", "[]").replace(" ", "");
    int dot = t.lastIndexOf('.', t.contains("[") ? t.indexOf('[') : t.length());
    return t.substring(dot + 1);
  }

  private static Optional<CompilationUnitTree> parse(String resource) {
    return PARSED.computeIfAbsent(resource, Javadocs::read);
  }

  private static Optional<CompilationUnitTree> read(String resource) {
    ClassLoader loader = Javadocs.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + resource),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
      JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"),
          null, List.of(file));
      for (CompilationUnitTree unit : task.parse()) {
        TREES.put(unit, DocTrees.instance(task));
        return Optional.of(unit);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static Optional<String> find(CompilationUnitTree unit, String owner, String method,
      List<String> params) {
    DocTrees trees = TREES.get(unit);
    List<String> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree m, Void unused) {
        TreePath path = getCurrentPath();
        ClassTree enclosing = (ClassTree) path.getParentPath().getLeaf();
        if (found.isEmpty() && m.getName().contentEquals(method)
            && enclosing.getSimpleName().contentEquals(owner) && matches(m, params)) {
          DocCommentTree doc = trees.getDocCommentTree(path);
          if (doc != null) {
            found.add(text(doc));
          }
        }
        return null;
      }
    }.scan(unit, null);
    return found.stream().findFirst();
  }

  private static boolean matches(MethodTree m, List<String> params) {
    List<? extends VariableTree> declared = m.getParameters();
    if (declared.size() != params.size()) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      if (!erase(declared.get(i).getType().toString()).equals(params.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The description, then one line per parameter and the return value. */
  private static String text(DocCommentTree doc) {
    StringBuilder out = new StringBuilder(plain(doc.getFullBody()));
    List<String> tags = new ArrayList<>();
    for (DocTree tag : doc.getBlockTags()) {
      if (tag instanceof ParamTree p) {
        tags.add("  " + p.getName() + " - " + plain(p.getDescription()));
      } else if (tag instanceof ReturnTree r) {
        tags.add("  returns " + plain(r.getDescription()));
      }
    }
    if (!tags.isEmpty()) {
      out.append("\n").append(String.join("\n", tags));
    }
    return out.toString();
  }

  private static String plain(List<? extends DocTree> body) {
    StringBuilder text = new StringBuilder();
    body.forEach(t -> text.append(t));
    Matcher m = INLINE.matcher(text.toString().replaceAll("\\s*\\n\\s*", " "));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).replace('#', '.').strip()));
    }
    m.appendTail(out);
    return out.toString().replaceAll("</?(p|em|b|i|code)>", "").strip();
  }
}
