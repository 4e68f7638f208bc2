package dev.benchbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facade from the code: every type reachable from {@code Benchbook}'s public methods
 * (their parameter and return types, then those types' public methods and record components),
 * each public method's declaration and one-line Javadoc from the source.
 */
final class Reference {

  static final Path SRC = Path.of("src/main/java");
  private static final Pattern DECL = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?"
          + "([^;{=()]*?)\\s*\\(",
      Pattern.DOTALL);

  /** The engine's packages: plan, run and strategies, not what an analysis works with. */
  static final Set<String> ENGINE = Set.of("dev.benchbook.runtime", "dev.benchbook.workload");

  /** One documented member: its key, the declaration a reader writes, the first sentence. */
  record Member(String key, String signature, String doc) {
  }

  private Reference() {
  }

  /** The facade's types, the entry first, then by name. */
  static List<Class<?>> types(Class<?> entry) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(entry));
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      List<Type> types = new ArrayList<>();
      for (Method m : methods(c)) {
        types.addAll(Arrays.asList(m.getGenericParameterTypes()));
        types.add(m.getGenericReturnType());
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          types.add(rc.getGenericType());
        }
      }
      for (Type t : types) {
        ours(t).stream().filter(k -> !seen.contains(k)).forEach(todo::add);
      }
    }
    List<Class<?>> out = new ArrayList<>(seen);
    Comparator<Class<?>> bySimpleName = Comparator.comparing(k -> k.getSimpleName());
    out.subList(1, out.size()).sort(bySimpleName.thenComparing(k -> k.getName()));
    return out;
  }

  /** Public methods the type declares (no Object or enum plumbing, no synthetic ones). */
  static List<Method> methods(Class<?> c) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      boolean plumbing = Set.of("equals", "hashCode", "toString").contains(m.getName())
          || c.isEnum() && Set.of("values", "valueOf").contains(m.getName());
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !plumbing) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Reference::key));
    return out;
  }

  /** Classes of ours inside a (generic) type. */
  static Set<Class<?>> ours(Type t) {
    Set<Class<?>> out = new LinkedHashSet<>();
    if (t instanceof Class<?> c) {
      Class<?> k = c.isArray() ? c.getComponentType() : c;
      if (k.getName().startsWith("dev.benchbook.") && Modifier.isPublic(k.getModifiers())
          && !ENGINE.contains(k.getPackageName())) {
        out.add(k);
      }
    } else if (t instanceof ParameterizedType p) {
      out.addAll(ours(p.getRawType()));
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(ours(a));
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        out.addAll(ours(b));
      }
    }
    return out;
  }

  /** Erased key of a method: {@code name(Type,Type[])} with simple names. */
  static String key(Method m) {
    StringBuilder s = new StringBuilder(m.getName()).append('(');
    Class<?>[] ps = m.getParameterTypes();
    for (int i = 0; i < ps.length; i++) {
      s.append(i == 0 ? "" : ",").append(ps[i].isArray()
          ? ps[i].getComponentType().getSimpleName() + "[]" : ps[i].getSimpleName());
    }
    return s.append(')').toString();
  }

  /** Every public method of a type with its declaration and doc, in key order. */
  static List<Member> members(Class<?> c) {
    Map<String, Member> source = declared(c);
    Map<String, String> components = paramTags(c);
    List<Member> out = new ArrayList<>();
    for (Method m : methods(c)) {
      String key = key(m);
      Member found = source.get(key);
      if (found != null) {
        out.add(found);
      } else {
        String doc = m.getParameterCount() == 0 && components.containsKey(m.getName())
            ? components.get(m.getName()) : "";
        out.add(new Member(key, reflected(m), doc));
      }
    }
    return out;
  }

  /** A declaration from reflection: modifiers that matter, return type, name, parameter types. */
  static String reflected(Method m) {
    StringBuilder s = new StringBuilder(Modifier.isStatic(m.getModifiers()) ? "static " : "");
    s.append(simple(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
    Type[] ps = m.getGenericParameterTypes();
    for (int i = 0; i < ps.length; i++) {
      s.append(i == 0 ? "" : ", ").append(simple(ps[i]));
    }
    return s.append(')').toString();
  }

  /** A type as a reader writes it: simple names, generics kept. */
  static String simple(Type t) {
    if (t instanceof Class<?> c) {
      return c.isArray() ? simple(c.getComponentType()) + "[]" : c.getSimpleName();
    }
    if (t instanceof ParameterizedType p) {
      StringBuilder s = new StringBuilder(simple(p.getRawType())).append('<');
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        s.append(i == 0 ? "" : ", ").append(simple(args[i]));
      }
      return s.append('>').toString();
    }
    if (t instanceof WildcardType w) {
      return w.getUpperBounds()[0] == Object.class ? "?"
          : "? extends " + simple(w.getUpperBounds()[0]);
    }
    return t.getTypeName();
  }

  /** The documented public methods of a type's own source, by key. */
  static Map<String, Member> declared(Class<?> c) {
    String text = source(c);
    Map<String, Member> out = new LinkedHashMap<>();
    Matcher m = DECL.matcher(text);
    while (m.find()) {
      String head = m.group(2).strip().replaceAll("\\s+", " ");
      if (head.matches(".*\\b(class|record|interface|enum|private|protected)\\b.*")
          || !head.contains(" ")) {
        continue;
      }
      String name = head.substring(head.lastIndexOf(' ') + 1);
      int close = closing(text, m.end() - 1);
      String params = text.substring(m.end(), close).replaceAll("\\s+", " ").strip();
      String shown = (head.replaceFirst("^(final )?", "")) + "(" + params + ")";
      out.putIfAbsent(name + "(" + erased(params) + ")",
          new Member(name + "(" + erased(params) + ")", shown.replace("final ", ""),
              first(m.group(1))));
    }
    return out;
  }

  /** Record component docs from the type's {@code @param} tags. */
  static Map<String, String> paramTags(Class<?> c) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("@param\\s+(\\w+)\\s+((?:(?!@param).)*)", Pattern.DOTALL)
        .matcher(typeJavadoc(c));
    while (m.find()) {
      out.put(m.group(1), plain(m.group(2)));
    }
    return out;
  }

  /** The first sentence of a type's own Javadoc. */
  static String typeSummary(Class<?> c) {
    return first(typeJavadoc(c));
  }

  private static String typeJavadoc(Class<?> c) {
    Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
        + "public\\s+(?:static\\s+|final\\s+|abstract\\s+|sealed\\s+)*"
        + "(?:class|record|interface|enum)\\s+" + c.getSimpleName() + "\\b", Pattern.DOTALL)
        .matcher(source(c));
    return m.find() ? m.group(1) : "";
  }

  private static String source(Class<?> c) {
    Class<?> top = c;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    try {
      return Files.readString(SRC.resolve(top.getName().replace('.', '/') + ".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {@code x}} and {@code {@link x}} as {@code `x`}, braces inside {@code x} kept. */
  private static String inlineTags(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+").matcher(text);
    int from = 0;
    while (m.find(from)) {
      int depth = 1;
      int i = m.end();
      for (; i < text.length() && depth > 0; i++) {
        depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
      }
      out.append(text, from, m.start()).append('`').append(text, m.end(), i - 1).append('`');
      from = i;
    }
    return out.append(text.substring(from)).toString();
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  /** {@code Table table, String... x} -> {@code Table,String[]}. */
  static String erased(String params) {
    StringBuilder flat = new StringBuilder();
    int depth = 0;
    for (char ch : params.toCharArray()) {
      if (ch == '<') {
        depth++;
      } else if (ch == '>') {
        depth--;
      } else if (depth == 0) {
        flat.append(ch);
      }
    }
    List<String> types = new ArrayList<>();
    for (String p : flat.toString().split(",")) {
      String s = p.replaceAll("@\\w+\\s*", "").replace("final ", "").strip();
      if (s.isEmpty()) {
        continue;
      }
      String type = (s.lastIndexOf(' ') < 0 ? s : s.substring(0, s.lastIndexOf(' ')))
          .replace(" ", "").replace("...", "[]");
      types.add(type.substring(type.lastIndexOf('.') + 1));
    }
    return String.join(",", types);
  }

  /** The first sentence of a Javadoc body, on one line, markup made plain. */
  static String first(String javadoc) {
    String text = plain(javadoc);
    int tag = text.indexOf("@param");
    text = tag >= 0 ? text.substring(0, tag).strip() : text;
    text = text.replaceAll(" ?@(return|throws)\\b.*", "").strip();
    int p = text.indexOf(" <p>");
    text = p >= 0 ? text.substring(0, p) : text;
    int tick = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '`') {
        tick ^= 1;
      } else if (ch == '.' && tick == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
          && !text.substring(Math.max(0, i - 3), i + 1).matches(".*\\b(e\\.g|i\\.e|vs)\\.")) {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }

  private static String plain(String javadoc) {
    return inlineTags(javadoc.replaceAll("(?m)^\\s*\\*\\s?", " "))
        .replaceAll("</?(?:em|b|i|code)>", "")
        .replaceAll("\\s+", " ").strip();
  }
}
