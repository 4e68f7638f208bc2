package dev.benchbook.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a named query's parameter accepts, declared in parentheses after its default in the
 * query's header: {@code (text)}, {@code (int)}, {@code (int >= 1)}, {@code (number >= 0)},
 * {@code (a|b|c)}, each optionally followed by {@code , or empty}.
 *
 * @param kind text, a whole number, a number, or one of a list
 * @param min the smallest allowed number, when there is one
 * @param choices the allowed values of a {@link Kind#CHOICE}
 * @param emptyAllowed whether the empty value (meaning "any") is allowed
 */
public record ParamType(Kind kind, Optional<BigDecimal> min, List<String> choices,
    boolean emptyAllowed) {

  /** The kinds of value a parameter can take. */
  public enum Kind {
    /** Any text. */
    TEXT,
    /** A whole number. */
    INT,
    /** Any decimal number. */
    NUMBER,
    /** One of a fixed list. */
    CHOICE
  }

  /** Any text: the type of a parameter that declares none. */
  public static final ParamType TEXT = new ParamType(Kind.TEXT, Optional.empty(), List.of(), true);

  private static final Pattern NUMERIC = Pattern.compile("(int|number)(?:\\s*>=\\s*(-?[0-9.]+))?");
  private static final Pattern CHOICE = Pattern.compile("[A-Za-z0-9_.-]+(\\|[A-Za-z0-9_.-]+)+");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

  /** Copies the choices. */
  public ParamType {
    choices = List.copyOf(choices);
  }

  /** The type a header declares, or empty when {@code text} is not a type declaration. */
  public static Optional<ParamType> parse(String text) {
    String t = text.strip();
    boolean empty = false;
    Matcher orEmpty = Pattern.compile("(.*?),\\s*or empty").matcher(t);
    if (orEmpty.matches()) {
      t = orEmpty.group(1).strip();
      empty = true;
    }
    if (t.equals("text")) {
      return Optional.of(new ParamType(Kind.TEXT, Optional.empty(), List.of(), true));
    }
    Matcher n = NUMERIC.matcher(t);
    if (n.matches()) {
      Kind kind = n.group(1).equals("int") ? Kind.INT : Kind.NUMBER;
      Optional<BigDecimal> min = Optional.ofNullable(n.group(2)).map(BigDecimal::new);
      return Optional.of(new ParamType(kind, min, List.of(), empty));
    }
    if (CHOICE.matcher(t).matches()) {
      return Optional.of(new ParamType(Kind.CHOICE, Optional.empty(),
          Arrays.asList(t.split("\\|")), empty));
    }
    return Optional.empty();
  }

  /** What a value must be, e.g. {@code an integer >= 1 (or empty)}. */
  public String expected() {
    String what = switch (kind) {
      case TEXT -> "any text";
      case INT -> "an integer" + min.map(m -> " >= " + m.toPlainString()).orElse("");
      case NUMBER -> "a number" + min.map(m -> " >= " + m.toPlainString()).orElse("");
      case CHOICE -> "one of " + String.join(", ", choices);
    };
    return kind != Kind.TEXT && emptyAllowed ? what + " (or empty for any)" : what;
  }

  /** Why {@code value} is not allowed, or empty when it is. */
  public Optional<String> problem(String value) {
    if (value.isEmpty()) {
      return emptyAllowed ? Optional.empty() : Optional.of("expected " + expected()
          + ", found an empty value");
    }
    switch (kind) {
      case TEXT:
        return Optional.empty();
      case CHOICE:
        if (choices.contains(value)) {
          return Optional.empty();
        }
        String near = Names.nearest(value, choices).map(c -> "; did you mean " + c + "?")
            .orElse("");
        return Optional.of("expected " + expected() + ", found '" + value + "'" + near);
      default:
        boolean whole = INTEGER.matcher(value).matches();
        if (!whole && (kind == Kind.INT || !DECIMAL.matcher(value).matches())) {
          return Optional.of("expected " + expected() + ", found '" + value + "'");
        }
        if (min.isPresent() && new BigDecimal(value).compareTo(min.get()) < 0) {
          return Optional.of("expected " + expected() + ", found " + value);
        }
        return Optional.empty();
    }
  }

  /** The declaration as written in a header, e.g. {@code int >= 1, or empty}. */
  public String declaration() {
    String base = switch (kind) {
      case TEXT -> "text";
      case INT -> "int" + min.map(m -> " >= " + m.toPlainString()).orElse("");
      case NUMBER -> "number" + min.map(m -> " >= " + m.toPlainString()).orElse("");
      case CHOICE -> String.join("|", choices);
    };
    return kind != Kind.TEXT && emptyAllowed ? base + ", or empty" : base;
  }
}
