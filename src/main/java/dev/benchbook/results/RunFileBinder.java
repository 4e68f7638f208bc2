package dev.benchbook.results;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/** Binds a validated tree to a {@link RunFile}, filling the documented reconstructed defaults. */
final class RunFileBinder {

  /** Values assumed for fields a reconstructed file may omit (see docs/RESULTS-FORMAT.md). */
  static final Map<String, Object> RECONSTRUCTED_CONFIG_DEFAULTS = Map.of(
      "atomic", true, "reps", 1, "conflicts", 0, "busy_errors", 0, "duration_bounded", false);

  private RunFileBinder() {
  }

  /** The bound record; a binding failure becomes one problem naming the JSON path. */
  static RunFile bind(Path file, JsonNode root) {
    JsonNode tree = root;
    if (root.path("reconstructed").asBoolean(false)) {
      tree = withDefaults((ObjectNode) root.deepCopy());
    }
    try {
      return Json.MAPPER.treeToValue(tree, RunFile.class);
    } catch (JsonMappingException e) {
      throw new ResultsFormatException(new Problem(file, path(e), "expected a value this build "
          + "can read, found one it cannot: " + reason(e)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ResultsFormatException(new Problem(file, JsonErrors.where(e),
          JsonErrors.what(e)));
    }
  }

  private static ObjectNode withDefaults(ObjectNode root) {
    if (!root.has("complete")) {
      root.put("complete", true);
    }
    forEachConfig(root);
    return root;
  }

  private static void forEachConfig(ObjectNode root) {
    for (String one : new String[] {"baseline", "mitigation_run"}) {
      if (root.path(one).isObject()) {
        fill((ObjectNode) root.get(one));
      }
    }
    for (String many : new String[] {"configs", "mitigation_runs"}) {
      for (JsonNode c : root.path(many)) {
        if (c.isObject()) {
          fill((ObjectNode) c);
        }
      }
    }
  }

  private static void fill(ObjectNode config) {
    RECONSTRUCTED_CONFIG_DEFAULTS.forEach((k, v) -> {
      if (!config.has(k)) {
        config.set(k, Json.MAPPER.valueToTree(v));
      }
    });
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        b.replace(0, b.length(), JsonChecks.child(b.toString(), r.getFieldName()));
      }
    }
    return b.toString();
  }

  private static String reason(JsonMappingException e) {
    Throwable cause = e.getCause();
    String text = cause instanceof IllegalArgumentException ? cause.getMessage()
        : e.getOriginalMessage();
    return JsonErrors.plain(firstLine(text));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
